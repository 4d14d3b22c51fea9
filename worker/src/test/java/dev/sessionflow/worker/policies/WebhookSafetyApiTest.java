package dev.sessionflow.worker.policies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Webhooks cannot reach the service's own networks; their secrets rotate and rest encrypted. */
class WebhookSafetyApiTest extends ApiTestBase {
  static final String SETTINGS = "/api/v1/settings/messaging";
  static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String NEW_SECRET = "whsec_" + "c2Vzc2lvbmZsb3ctcm90YXRlZC1zZWNyZXQtMzI=";

  @Autowired JdbcClient jdbc;

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  static String hook(String url, String secret) {
    return """
        {"webhooks": [{"url": "%s", "secret": "%s", "events": ["session.ended"]}]}
        """
        .formatted(url, secret);
  }

  @Test
  void internalOrMalformedDestinationsAreRefusedWhenSaved() {
    for (String url :
        List.of(
            "http://127.0.0.2:8080/hook",
            "http://[::1]/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1/hook",
            "http://192.168.0.10/hook",
            "http://[fd00::1]/hook",
            "http://0.0.0.0/hook",
            "http://224.0.0.1/hook",
            "http://[::ffff:169.254.169.254]/hook",
            "https://exa mple.com/hook",
            "gopher://93.184.215.14/")) {
      JsonNode problem =
          api.put(SETTINGS, ApiClient.ADMIN, hook(url, OLD_SECRET))
              .expectProblem(400, "validation")
              .json();
      assertThat(problem.get("errors").has("webhooks[0].url")).as(url).isTrue();
    }
    api.put(SETTINGS, ApiClient.ADMIN, hook("http://127.0.0.1:9/hook", "not-a-whsec-secret-at-all"))
        .expectProblem(400, "validation");
    assertThat(api.get(SETTINGS, ApiClient.ADMIN).json().get("webhooks")).isEmpty();
  }

  @Test
  void aRotatedSecretSignsBesideTheNewOneAndNeitherRestsInPlainText() {
    try (WebhookReceiver receiver = new WebhookReceiver(NEW_SECRET, 0)) {
      api.put(SETTINGS, ApiClient.ADMIN, hook(receiver.url(), OLD_SECRET)).expect(200);
      api.put(SETTINGS, ApiClient.ADMIN, hook(receiver.url(), NEW_SECRET)).expect(200);
      assertThat(
              jdbc.sql("select secret || coalesce(previous_secret, '') from webhooks")
                  .query(String.class)
                  .single())
          .doesNotContain("MfKQ9r8G")
          .doesNotContain("c2Vzc2lvbmZsb3c");

      String c = newConversation();
      String s = api.endUserSays(c, "m-1", "hello").get("sessionId").asText();
      api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);

      ApiClient.await(Duration.ofSeconds(30), () -> !receiver.accepted.isEmpty());
      WebhookReceiver.Delivery delivery = receiver.accepted.getFirst();
      assertThat(delivery.signatures()).hasSize(2);
      assertThat(delivery.verifies(NEW_SECRET)).isTrue();
      assertThat(delivery.verifies(OLD_SECRET)).isTrue();
    }
  }
}
