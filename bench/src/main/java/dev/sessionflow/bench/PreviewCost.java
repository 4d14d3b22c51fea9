package dev.sessionflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 7: a settings preview over many stored sessions (the last 7 days of a busy account). The
 * preview reads only the store, so the sessions are written straight into it: each with ten
 * messages a minute apart, half ended by an agent and half by the clock. Timed through the API, the
 * median of a few runs.
 */
final class PreviewCost {
  static final int RUNS = 3;
  static final int MESSAGES = 10;

  record Result(int storedSessions, int considered, List<Double> seconds) {
    double median() {
      return Stats.median(seconds);
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("storedSessions", storedSessions);
      m.put("sessionsConsidered", considered);
      m.put("messagesPerSession", MESSAGES);
      m.put("secondsMedian", median());
      m.put("secondsByRun", seconds);
      return m;
    }
  }

  private PreviewCost() {}

  static Result run(Service service, Store store, int sessions) {
    store.seedPastSessions(sessions, MESSAGES);
    List<Double> seconds = new ArrayList<>();
    int considered = 0;
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      JsonNode preview =
          service.http.post(
              "/api/v1/settings/messaging/preview?days=7",
              Http.ADMIN,
              "{\"autoCloseAfter\":\"PT5M\"}",
              200);
      seconds.add((System.nanoTime() - t) / 1e9);
      considered = preview.get("sessionsConsidered").asInt();
    }
    if (considered < sessions) {
      throw new IllegalStateException(
          "the preview considered " + considered + " of " + sessions + " stored sessions");
    }
    return new Result(sessions, considered, seconds);
  }
}
