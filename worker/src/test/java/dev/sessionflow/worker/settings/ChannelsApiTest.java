package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settings per channel through the API: overrides saved and shown as sent, every key's effective
 * value and its source, a session of a channel running with them, and refusals by name.
 */
class ChannelsApiTest extends ApiTestBase {
  static final String PATH = "/api/v1/settings/messaging";
  static final String WHATSAPP =
      """
      {"channels": {"whatsapp": {"inactiveAfter": "PT24H", "autoCloseAfter": null,
        "warningText": "Still with us?", "csat": {"scale": 3}}}}
      """;

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  @Test
  void overridesAreShownAsSentWithEachKeysEffectiveValueAndSource() {
    JsonNode saved = api.put(PATH, ApiClient.ADMIN, WHATSAPP).expect(200).json();

    JsonNode sent = saved.at("/channels/whatsapp");
    assertThat(sent.get("inactiveAfter").asText()).isEqualTo("PT24H");
    assertThat(sent.has("autoCloseAfter") && sent.get("autoCloseAfter").isNull())
        .as("turned off")
        .isTrue();
    assertThat(sent.at("/csat/scale").asInt()).isEqualTo(3);
    assertThat(sent.has("endedNoticeText")).as("not overridden").isFalse();

    JsonNode effective = saved.at("/channelsEffective/whatsapp");
    assertThat(effective.at("/inactiveAfter/value").asText()).isEqualTo("PT24H");
    assertThat(effective.at("/inactiveAfter/source").asText()).isEqualTo("channel");
    assertThat(effective.at("/autoCloseAfter/value").isNull()).isTrue();
    assertThat(effective.at("/endedNoticeText/source").asText()).isEqualTo("account");
    assertThat(effective.at("/endedNoticeText/value").asText())
        .isEqualTo(saved.get("endedNoticeText").asText());
    assertThat(effective.get("csat.scale").get("value").asInt()).isEqualTo(3);
    assertThat(effective.get("csat.question").get("source").asText()).isEqualTo("account");

    // The echo is a body a PUT takes: saving it again changes nothing it shows.
    JsonNode again =
        api.put(PATH, ApiClient.ADMIN, "{\"channels\":" + saved.get("channels") + "}")
            .expect(200)
            .json();
    assertThat(again.get("channels")).isEqualTo(saved.get("channels"));
  }

  @Test
  void aSessionRunsWithTheSettingsOfTheChannelItOpenedIn() {
    api.put(PATH, ApiClient.ADMIN, WHATSAPP).expect(200);
    String onWhatsApp = opened("whatsapp");
    String onWeb = opened(null);

    JsonNode whatsapp = api.session(onWhatsApp);
    JsonNode web = api.session(onWeb);

    assertThat(whatsapp.get("channel").asText()).isEqualTo("whatsapp");
    assertThat(whatsapp.get("autoCloseAt").isNull()).as("no auto-close on WhatsApp").isTrue();
    assertThat(web.get("channel").asText()).isEqualTo("web");
    assertThat(web.get("autoCloseAt").isNull()).isFalse();
  }

  @Test
  void badChannelsAreRefusedByName() {
    assertThat(errors("{\"channels\":{\"WhatsApp\":{}}}")).containsExactly("channels.WhatsApp");
    assertThat(errors("{\"channels\":{\"sms\":{\"warnBeforeClose\":\"PT40M\"}}}"))
        .containsExactly("channels.sms.warnBeforeClose");
    assertThat(errors("{\"channels\":{\"sms\":{\"inactiveAfter\":null}}}"))
        .containsExactly("channels.sms.inactiveAfter");
    assertThat(errors("{\"channels\":{\"sms\":{\"colour\":\"blue\"}}}"))
        .containsExactly("channels.sms.colour");
    api.post(
            "/api/v1/conversations/" + newConversation() + "/messages",
            ApiClient.CHANNEL,
            "{\"messageId\":\"m-1\",\"endUserId\":\"u-1\",\"text\":\"Hi\",\"channel\":\"Whats App\"}")
        .expectProblem(400, "validation");
  }

  private String opened(String channel) {
    String conversation = newConversation();
    String sessionId =
        api.post(
                "/api/v1/conversations/" + conversation + "/messages",
                ApiClient.CHANNEL,
                "{\"messageId\":\"m-%s\",\"endUserId\":\"u-1\",\"text\":\"Hi\"%s}"
                    .formatted(
                        UUID.randomUUID(),
                        channel == null ? "" : ",\"channel\":\"" + channel + "\""))
            .expect(202)
            .json()
            .get("sessionId")
            .asText();
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Hello!");
    return sessionId;
  }

  private List<String> errors(String body) {
    List<String> fields = new ArrayList<>();
    api.put(PATH, ApiClient.ADMIN, body)
        .expectProblem(400, "validation")
        .json()
        .get("errors")
        .fieldNames()
        .forEachRemaining(fields::add);
    return fields;
  }
}
