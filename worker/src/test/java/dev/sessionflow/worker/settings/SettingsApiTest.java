package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsApiTest extends ApiTestBase {

  @AfterEach
  void restoreDefaults() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"agentsCanEndSessions\":true,\"inactiveAfter\":\"PT10M\","
                + "\"autoCloseAfter\":\"PT30M\",\"warnBeforeClose\":\"PT2M\"}")
        .expect(200);
  }

  @Test
  void readsTheDefaults() {
    JsonNode settings = api.get("/api/v1/settings/messaging", ApiClient.AGENT_1).expect(200).json();
    assertThat(settings.get("agentsCanEndSessions").asBoolean()).isTrue();
    assertThat(settings.get("inactiveAfter").asText()).isEqualTo("PT10M");
    assertThat(settings.get("autoCloseAfter").asText()).isEqualTo("PT30M");
    assertThat(settings.get("warnBeforeClose").asText()).isEqualTo("PT2M");
    assertThat(settings.get("warningText").asText()).isNotBlank();
  }

  @Test
  void updatesPartiallyAndTurnsTimersOff() {
    JsonNode updated =
        api.put(
                "/api/v1/settings/messaging",
                ApiClient.ADMIN,
                "{\"inactiveAfter\":\"PT5M\",\"autoCloseAfter\":null,\"warnBeforeClose\":null,"
                    + "\"warningText\":\"Still there?\"}")
            .expect(200)
            .json();
    assertThat(updated.get("inactiveAfter").asText()).isEqualTo("PT5M");
    assertThat(updated.get("autoCloseAfter").isNull()).isTrue();
    assertThat(updated.get("warnBeforeClose").isNull()).isTrue();
    assertThat(updated.get("warningText").asText()).isEqualTo("Still there?");
    assertThat(updated.get("agentsCanEndSessions").asBoolean()).isTrue();
  }

  @Test
  void rejectsInvalidSettings() {
    String path = "/api/v1/settings/messaging";
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"PT0.5S\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"-PT5M\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":\"ten minutes\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"inactiveAfter\":null}").expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"agentsCanEndSessions\":\"yes\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"autoCloseAfter\":\"PT1M\",\"warnBeforeClose\":\"PT2M\"}")
        .expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "{\"colour\":\"blue\"}").expectProblem(400, "validation");
    api.put(path, ApiClient.ADMIN, "[1,2").expectProblem(400, "validation");
    api.put(path, ApiClient.AGENT_1, "{\"inactiveAfter\":\"PT5M\"}")
        .expectProblem(403, "forbidden");
  }

  @Test
  void agentsCannotEndSessionsWhileTheSettingIsOff() {
    api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"agentsCanEndSessions\":false}")
        .expect(200);
    String s = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();

    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null)
        .expectProblem(403, "agent-end-disabled");
    // Checked before the session's state: even an unknown session answers 403.
    api.post("/api/v1/sessions/nope/end", ApiClient.AGENT_1, null)
        .expectProblem(403, "agent-end-disabled");
    assertThat(api.session(s).get("status").asText()).isEqualTo("ACTIVE");
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.ADMIN, null).expect(200);
  }
}
