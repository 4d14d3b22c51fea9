package dev.sessionflow.worker.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.worker.SignedInBrowser;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Temporal holds of a session is ciphertext, summary and failures included; the codec server
 * gives it back to admins only, and to the browser origins allowed.
 */
class CodecServerTest extends ApiTestBase {
  private static final String NAME = "Maria Quitéria";
  private static final String TEXT = "my card ending 4242 was charged twice";

  @Autowired WorkflowClient temporal;

  private String sessionWithPersonalData() {
    String conversation = newConversation();
    return api.post(
            "/api/v1/conversations/" + conversation + "/messages",
            ApiClient.CHANNEL,
            """
            {"messageId":"m-1","endUserId":"u-%s","endUserName":"%s","text":"%s"}"""
                .formatted(conversation, NAME, TEXT))
        .expect(202)
        .json()
        .get("sessionId")
        .asText();
  }

  private HistoryEvent started(String sessionId) {
    return temporal.fetchHistory(MessagingSession.workflowId(sessionId)).getEvents().getFirst();
  }

  @Test
  void temporalHoldsNoNameOrTextInTheClearNotEvenInTheSummary() {
    String sessionId = sessionWithPersonalData();
    ApiClient.await(
        Duration.ofSeconds(20),
        () -> temporal.fetchHistory(MessagingSession.workflowId(sessionId)).getEvents().size() > 4);

    String history = temporal.fetchHistory(MessagingSession.workflowId(sessionId)).toJson(false);

    assertThat(history).doesNotContain(NAME, "charged twice", "u-c-");
    assertThat(withBase64Decoded(history)).doesNotContain("Maria", "4242", "charged");
    Payloads input = started(sessionId).getWorkflowExecutionStartedEventAttributes().getInput();
    assertThat(input.getPayloads(0).getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
  }

  @Test
  void anAdminReadsTheStartInputThroughTheCodecServer() throws Exception {
    String sessionId = sessionWithPersonalData();
    String encrypted =
        JsonFormat.printer()
            .print(started(sessionId).getWorkflowExecutionStartedEventAttributes().getInput());

    ApiClient.Response decoded = api.post("/codec/decode", ApiClient.ADMIN, encrypted).expect(200);

    assertThat(withBase64Decoded(decoded.body())).contains(NAME, "json/plain");
  }

  @Test
  void encodeThenDecodeGivesThePayloadBack() {
    String plain =
        """
        {"payloads":[{"metadata":{"encoding":"anNvbi9wbGFpbg=="},"data":"IkhlbGxvIg=="}]}""";

    String encoded = api.post("/codec/encode", ApiClient.ADMIN, plain).expect(200).body();
    String decoded = api.post("/codec/decode", ApiClient.ADMIN, encoded).expect(200).body();

    assertThat(encoded).doesNotContain("IkhlbGxvIg==").contains("YmluYXJ5L2VuY3J5cHRlZA==");
    assertThat(decoded.replaceAll("\\s", "")).isEqualTo(plain);
  }

  @Test
  void onlyAdminsMayUseIt() {
    String body = "{\"payloads\":[]}";
    api.post("/codec/decode", null, body).expectProblem(401, "unauthorized");
    api.post("/codec/decode", ApiClient.AGENT_1, body).expectProblem(403, "forbidden");
    api.post("/codec/encode", ApiClient.CHANNEL, body).expectProblem(403, "forbidden");
    api.get("/codec/decode", ApiClient.ADMIN).expect(403);
  }

  @Test
  void aWorkspaceSignInOpensItToAdminsOnlyAsInTheApi() throws Exception {
    for (String identity : new String[] {"dev-admin", "dev-agent-1"}) {
      SignedInBrowser browser = SignedInBrowser.as(base(), identity);
      HttpResponse<String> decoded =
          browser.http.send(
              HttpRequest.newBuilder(browser.uri("/codec/decode"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"payloads\":[]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(decoded.statusCode())
          .as(identity)
          .isEqualTo(identity.equals("dev-admin") ? 200 : 403);
    }
  }

  @Test
  void badInputIsAProblemNeverA500() {
    api.post("/codec/decode", ApiClient.ADMIN, "{\"payloads\":[{\"data\":7}")
        .expectProblem(400, "validation");
    String unknownKey =
        """
        {"payloads":[{"metadata":{"encoding":"YmluYXJ5L2VuY3J5cHRlZA==",
          "encryption-key-id":"b3RoZXI="},"data":"AAAAAAAAAAAAAAAAAAAAAAAAAAAA"}]}""";
    api.post("/codec/decode", ApiClient.ADMIN, unknownKey)
        .expectProblem(422, "payload-not-decodable");
  }

  @Test
  void theDevServersWebUiMayCallItFromTheBrowserAndNoOtherOrigin() throws Exception {
    assertThat(
            preflight("http://localhost:8233").headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:8233");
    assertThat(preflight("https://attacker.example").statusCode()).isEqualTo(403);
    ApiClient.Response fromUi =
        api.post(
            "/codec/decode",
            ApiClient.ADMIN,
            "{\"payloads\":[]}",
            Map.of("Origin", "http://localhost:8233"));
    assertThat(fromUi.status()).isEqualTo(200);
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base() + "/codec/decode"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-namespace")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** The text with every base64 run it holds decoded beside it. */
  private static String withBase64Decoded(String text) {
    StringBuilder all = new StringBuilder(text);
    var runs = java.util.regex.Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}").matcher(text);
    while (runs.find()) {
      try {
        all.append('\n').append(new String(Base64.getDecoder().decode(runs.group())));
      } catch (IllegalArgumentException notBase64) {
        // a word that only looks like base64
      }
    }
    return all.toString();
  }
}
