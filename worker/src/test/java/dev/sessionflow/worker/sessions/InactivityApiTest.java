package dev.sessionflow.worker.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inactivity timers in real time, with settings of a few seconds. */
class InactivityApiTest extends ApiTestBase {

  @BeforeEach
  void shortTimers() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"inactiveAfter\":\"PT2S\",\"autoCloseAfter\":\"PT4S\",\"warnBeforeClose\":\"PT2S\","
                + "\"warningText\":\"Are you still there?\"}")
        .expect(200);
  }

  @AfterEach
  void restoreDefaults() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"inactiveAfter\":\"PT10M\",\"autoCloseAfter\":\"PT30M\",\"warnBeforeClose\":\"PT2M\"}")
        .expect(200);
  }

  @Test
  void autoClosesAfterAWarningWhenTheEndUserGoesQuiet() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "Hi").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Could you send your order number?");

    ApiClient.await(
        Duration.ofSeconds(20), () -> "ENDED".equals(api.session(s).path("status").asText()));

    JsonNode session = api.session(s);
    assertThat(session.get("endedBy").asText()).isEqualTo("SYSTEM");
    assertThat(session.get("endReason").asText()).isEqualTo("INACTIVITY");
    assertThat(session.get("csat").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(
            StreamSupport.stream(api.transcript(c).spliterator(), false)
                .map(m -> m.path("kind").asText(m.get("author").asText())))
        .containsExactly("END_USER", "AGENT", "INACTIVITY_WARNING", "SESSION_ENDED");
    assertThat(api.transcript(c).get(2).get("text").asText()).isEqualTo("Are you still there?");
  }

  @Test
  void waitsForTheAgentForeverButGoesInactive() throws InterruptedException {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "Hi").get("sessionId").asText();

    ApiClient.await(
        Duration.ofSeconds(20), () -> "INACTIVE".equals(api.session(s).path("status").asText()));
    Thread.sleep(5_000);
    assertThat(api.session(s).get("status").asText()).isEqualTo("INACTIVE");
    assertThat(
            api.get("/api/v1/sessions?status=INACTIVE", ApiClient.AGENT_1)
                .json()
                .get("sessions")
                .findValuesAsText("sessionId"))
        .contains(s);

    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Sorry for the wait");
    ApiClient.await(
        Duration.ofSeconds(10), () -> "ACTIVE".equals(api.session(s).path("status").asText()));
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.ADMIN, "{\"sendCsat\":false}").expect(200);
  }
}
