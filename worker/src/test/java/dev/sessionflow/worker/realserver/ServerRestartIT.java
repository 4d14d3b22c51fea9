package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Temporal server stops and starts again on its state file: sessions and timers go on. */
class ServerRestartIT extends RealServerTestBase {

  @Test
  void openSessionsResumeAndTheirTimersFire() {
    // The close comes well after the restart: a timer that fires only once the close is due closes
    // without a warning (it would say nothing useful), and a slow restart must not make it so.
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"inactiveAfter\":\"PT5S\",\"autoCloseAfter\":\"PT30S\",\"warnBeforeClose\":\"PT20S\"}")
        .expect(200);
    List<String> waitingOnUser = new ArrayList<>();
    List<String> waitingOnAgent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String sessionId = api.endUserSays("restart-" + i, "m-1", "Hi").get("sessionId").asText();
      if (i % 2 == 0) {
        api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Anything else?");
        waitingOnUser.add(sessionId);
      } else {
        waitingOnAgent.add(sessionId);
      }
    }

    temporal.stop();
    Ports.sleep(8_000); // the warnings and the INACTIVE timers fall due while the server is down
    temporal.start();

    for (String sessionId : waitingOnUser) {
      ApiClient.await(
          Duration.ofSeconds(60),
          () -> "ENDED".equals(api.session(sessionId).path("status").asText()));
      JsonNode session = api.session(sessionId);
      assertThat(session.get("endedBy").asText()).isEqualTo("SYSTEM");
      assertThat(session.get("endReason").asText()).isEqualTo("INACTIVITY");
      List<String> kinds = new ArrayList<>();
      api.transcript(session.get("conversationId").asText())
          .forEach(m -> kinds.add(m.path("kind").asText(m.get("author").asText())));
      assertThat(kinds).containsExactly("END_USER", "AGENT", "INACTIVITY_WARNING", "SESSION_ENDED");
    }
    for (String sessionId : waitingOnAgent) {
      ApiClient.await(
          Duration.ofSeconds(30),
          () -> "INACTIVE".equals(api.session(sessionId).path("status").asText()));
    }
    // And the resumed sessions still take messages and ends.
    String resumed = waitingOnAgent.get(0);
    retrying(
            () ->
                api.post(
                    "/api/v1/sessions/" + resumed + "/messages",
                    ApiClient.AGENT_2,
                    "{\"messageId\":\"a-9\",\"text\":\"Back again\"}"))
        .expect(202);
    ApiClient.await(
        Duration.ofSeconds(30),
        () -> "ACTIVE".equals(api.session(resumed).path("status").asText()));
    retrying(() -> api.post("/api/v1/sessions/" + resumed + "/end", ApiClient.ADMIN, null))
        .expect(200);
  }
}
