package dev.sessionflow.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a run does; the small one keeps the harness working in CI. */
record Params(
    String name,
    int rounds,
    int sessions,
    int concurrency,
    int longMessages,
    int scaleSessions,
    int scaleConcurrency,
    Duration autoClose,
    Duration deadlineSpread,
    Duration timerBaselineAfter,
    int startups,
    int h2Rounds,
    int previewSessions) {
  static final Params FULL =
      new Params(
          "full",
          3,
          200,
          16,
          20_000,
          10_000,
          16,
          Duration.ofMinutes(5),
          Duration.ofSeconds(90),
          // Starting 10,000 timers took 112 s to 222 s on the shared 2-core machine.
          Duration.ofMinutes(6),
          3,
          1,
          100_000);
  static final Params SMALL =
      new Params(
          "small",
          1,
          20,
          4,
          1_000,
          200,
          8,
          Duration.ofSeconds(45),
          Duration.ofSeconds(10),
          Duration.ofSeconds(40),
          1,
          1,
          2_000);

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", name);
    m.put("rounds", rounds);
    m.put("sessionsPerBatch", sessions);
    m.put("concurrency", concurrency);
    m.put("messagesPerSession", 10);
    m.put("longSessionMessages", longMessages);
    m.put("scaleSessions", scaleSessions);
    m.put("scaleConcurrency", scaleConcurrency);
    m.put("autoCloseAfter", autoClose.toString());
    m.put("deadlineSpread", deadlineSpread.toString());
    m.put("startups", startups);
    m.put("h2Rounds", h2Rounds);
    m.put("previewSessions", previewSessions);
    m.put("store", "PostgreSQL at " + Store.postgresUrl() + " (H2 file: secondary column)");
    m.put("heap", Service.HEAP);
    m.put("serviceWorkflowCache", serviceCache());
    return m;
  }

  /** The service's workflow cache: its default unless the environment of the run sets it. */
  static String serviceCache() {
    return System.getenv().getOrDefault("SESSIONFLOW_WORKFLOW_CACHE_SIZE", "10000");
  }
}
