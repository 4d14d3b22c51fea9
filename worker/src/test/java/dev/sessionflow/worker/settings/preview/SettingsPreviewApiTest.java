package dev.sessionflow.worker.settings.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsPreviewApiTest extends ApiTestBase {
  static final String PREVIEW = "/api/v1/settings/messaging/preview";

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  @Test
  void aShorterAutoCloseShowsTheSessionItWouldHaveClosedAndChangesNothing() throws Exception {
    String conversation = newConversation();
    String session = api.endUserSays(conversation, "m-1", "Hello").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, session, "a-1", "How can I help?");
    Thread.sleep(1500); // the agent ends 1.5 s after the reply: a 1 s auto-close comes first
    api.post("/api/v1/sessions/" + session + "/end", ApiClient.AGENT_1, null).expect(200);
    String versionBefore =
        api.get("/api/v1/settings/messaging", ApiClient.ADMIN).expect(200).etag();

    JsonNode preview =
        api.post(
                PREVIEW + "?days=1",
                ApiClient.ADMIN,
                "{\"autoCloseAfter\":\"PT1S\",\"warnBeforeClose\":null}")
            .expect(200)
            .json();

    assertThat(preview.get("days").asInt()).isEqualTo(1);
    assertThat(preview.get("sessionsConsidered").asInt()).isPositive();
    assertThat(preview.get("autoClosedWithChange").asInt())
        .isGreaterThan(preview.get("autoClosedNow").asInt());
    JsonNode ours = null;
    for (JsonNode e : preview.get("examples")) {
      ours = session.equals(e.get("sessionId").asText()) ? e : ours;
    }
    assertThat(ours).as("the newest moved session is among the examples").isNotNull();
    assertThat(ours.at("/now/status").asText()).isEqualTo("ENDED");
    assertThat(ours.at("/now/endedBy").asText()).isEqualTo("AGENT");
    assertThat(ours.at("/withChange/status").asText()).isEqualTo("AUTO_CLOSED");
    // A preview saves nothing and tells no session.
    assertThat(api.get("/api/v1/settings/messaging", ApiClient.ADMIN).expect(200).etag())
        .isEqualTo(versionBefore);
    assertThat(api.session(session).get("endedBy").asText()).isEqualTo("AGENT");
  }

  @Test
  void aChannelsChangeMovesOnlyThatChannelsSessions() throws Exception {
    String web = endedOneAndAHalfSecondsAfterTheReply(null);
    String whatsapp = endedOneAndAHalfSecondsAfterTheReply("whatsapp");

    JsonNode preview =
        api.post(
                PREVIEW + "?days=1",
                ApiClient.ADMIN,
                "{\"channels\":{\"whatsapp\":{\"autoCloseAfter\":\"PT1S\",\"warnBeforeClose\":null}}}")
            .expect(200)
            .json();

    java.util.List<String> moved = preview.get("examples").findValuesAsText("sessionId");
    assertThat(moved).contains(whatsapp).doesNotContain(web);
  }

  private String endedOneAndAHalfSecondsAfterTheReply(String channel) throws Exception {
    String session =
        api.post(
                "/api/v1/conversations/" + newConversation() + "/messages",
                ApiClient.CHANNEL,
                "{\"messageId\":\"m-1\",\"endUserId\":\"u-1\",\"text\":\"Hi\"%s}"
                    .formatted(channel == null ? "" : ",\"channel\":\"" + channel + "\""))
            .expect(202)
            .json()
            .get("sessionId")
            .asText();
    api.agentSays(ApiClient.AGENT_1, session, "a-1", "How can I help?");
    Thread.sleep(1500);
    api.post("/api/v1/sessions/" + session + "/end", ApiClient.AGENT_1, null).expect(200);
    return session;
  }

  @Test
  void aBadChangeIsTheSameProblemAsForASave() {
    api.post(PREVIEW, ApiClient.ADMIN, "{\"autoCloseAfter\":\"soon\"}")
        .expectProblem(400, "validation");
    api.post(PREVIEW + "?days=0", ApiClient.ADMIN, "{}").expectProblem(400, "validation");
    api.post(PREVIEW + "?days=91", ApiClient.ADMIN, "{}").expectProblem(400, "validation");
    api.post(PREVIEW, ApiClient.AGENT_1, "{}").expect(403);
  }

  @Test
  void aPreviewOfNoChangeMovesNothing() {
    JsonNode preview = api.post(PREVIEW, ApiClient.ADMIN, "{}").expect(200).json();
    assertThat(preview.get("days").asInt()).isEqualTo(7);
    assertThat(preview.get("autoClosedWithChange").asInt())
        .isEqualTo(preview.get("autoClosedNow").asInt());
    assertThat(preview.get("surveysWithChange").asInt())
        .isEqualTo(preview.get("surveysNow").asInt());
    assertThat(preview.get("examples")).isEmpty();
  }
}
