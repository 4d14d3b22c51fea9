package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Texts in the end user's language through the API: saved by locale, picked by the locale a channel
 * or the widget names, falling back from pt-BR to pt, on the hosted survey page too.
 */
class LocaleTextsApiTest extends ApiTestBase {
  static final String PATH = "/api/v1/settings/messaging";
  static final String PORTUGUESE =
      """
      {"texts": {
        "pt": {"endedText": "A conversa terminou.", "csatQuestion": "Como correu?"},
        "pt-br": {"endedText": "A conversa foi encerrada."}}}
      """;

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  @Test
  void textsAreSavedUnderCanonicalTagsAndRefusedByName() {
    JsonNode saved = api.put(PATH, ApiClient.ADMIN, PORTUGUESE).expect(200).json();
    assertThat(saved.at("/texts/pt-BR/endedText").asText()).isEqualTo("A conversa foi encerrada.");
    assertThat(saved.at("/texts/pt-BR/csatQuestion").isNull()).as("falls back").isTrue();
    assertThat(saved.at("/texts/pt/csatQuestion").asText()).isEqualTo("Como correu?");

    assertThat(errors("{\"texts\":{\"pt_BR\":{\"endedText\":\"x\"}}}"))
        .containsOnlyKeys("texts.pt_BR");
    assertThat(errors("{\"texts\":{\"pt\":{\"endedText\":\" \"}}}"))
        .containsOnlyKeys("texts.pt.endedText");
    assertThat(errors("{\"texts\":{\"pt\":{\"farewell\":\"x\"}}}"))
        .containsOnlyKeys("texts.pt.farewell");
    assertThat(errors("{\"texts\":null}")).containsOnlyKeys("texts");
    assertThat(api.get(PATH, ApiClient.ADMIN).json().get("texts")).isEqualTo(saved.get("texts"));
  }

  @Test
  void aBrazilianEndUserReadsTheEndAndTheSurveyInPortuguese() throws Exception {
    api.put(PATH, ApiClient.ADMIN, PORTUGUESE).expect(200);
    String conversation = newConversation();
    String sessionId = says(conversation, "pt-BR").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Tudo certo!");

    api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, null).expect(200);

    ApiClient.await(
        Duration.ofSeconds(20), () -> lastText(conversation, "CSAT_INVITATION") != null);
    JsonNode invitation = api.invitation(conversation);
    assertThat(invitation.get("text").asText()).isEqualTo("Como correu? (1-5)");
    assertThat(lastText(conversation, "SESSION_ENDED")).isEqualTo("A conversa foi encerrada.");
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(invitation.get("surveyUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.body()).contains("<html lang=\"pt-BR\"", "Como correu? (1-5)");
  }

  @Test
  void withoutALocaleOrForAnotherTheDefaultsApply() {
    api.put(PATH, ApiClient.ADMIN, PORTUGUESE).expect(200);
    String conversation = newConversation();
    String sessionId = says(conversation, "es").get("sessionId").asText();

    api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, null).expect(200);

    ApiClient.await(Duration.ofSeconds(10), () -> lastText(conversation, "SESSION_ENDED") != null);
    assertThat(lastText(conversation, "SESSION_ENDED"))
        .as("the default text, whatever it is now")
        .isEqualTo(api.get(PATH, ApiClient.ADMIN).json().get("endedNoticeText").asText());
  }

  @Test
  void aMalformedLocaleIsRefused() {
    for (String bad : new String[] {"pt_BR", "en-", "x".repeat(40), "12"}) {
      api.post(
              "/api/v1/conversations/" + newConversation() + "/messages",
              ApiClient.CHANNEL,
              "{\"messageId\":\"m-1\",\"endUserId\":\"u-1\",\"text\":\"Hi\",\"locale\":\"%s\"}"
                  .formatted(bad))
          .expectProblem(400, "validation");
    }
  }

  private JsonNode says(String conversation, String locale) {
    return api.post(
            "/api/v1/conversations/" + conversation + "/messages",
            ApiClient.CHANNEL,
            "{\"messageId\":\"m-%s\",\"endUserId\":\"u-1\",\"text\":\"Olá\",\"locale\":\"%s\"}"
                .formatted(UUID.randomUUID(), locale))
        .expect(202)
        .json();
  }

  private String lastText(String conversation, String kind) {
    String text = null;
    for (JsonNode m : api.transcript(conversation)) {
      if (kind.equals(m.path("kind").asText())) {
        text = m.get("text").asText();
      }
    }
    return text;
  }

  private Map<String, Object> errors(String body) {
    JsonNode errors = api.put(PATH, ApiClient.ADMIN, body).expectProblem(400, "validation").json();
    Map<String, Object> map = new java.util.TreeMap<>();
    errors.get("errors").properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
