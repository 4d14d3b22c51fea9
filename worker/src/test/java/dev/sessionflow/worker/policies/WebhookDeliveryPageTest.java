package dev.sessionflow.worker.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The admins' webhooks page shows how each webhook's last delivery went. */
@AutoConfigureMockMvc
class WebhookDeliveryPageTest extends ApiTestBase {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Autowired MockMvc mvc;

  @AfterEach
  void defaults() {
    restoreDefaultSettings();
  }

  @Test
  void eachWebhookShowsItsLastDeliveryStatusTimeAttemptsAndFailure() throws Exception {
    try (WebhookReceiver flaky = new WebhookReceiver(SECRET, 2);
        WebhookReceiver down = new WebhookReceiver(SECRET, Integer.MAX_VALUE)) {
      String page = page();
      assertThat(page).contains("No webhooks configured.");
      api.put(
              "/api/v1/settings/messaging",
              ApiClient.ADMIN,
              """
              {"webhooks": [
                {"url": "%s", "secret": "%s", "events": ["session.ended"]},
                {"url": "%s", "secret": "%s", "events": ["session.ended"]}]}
              """
                  .formatted(flaky.url(), SECRET, down.url(), SECRET))
          .expect(200);
      JsonNode hooks =
          api.get("/api/v1/settings/messaging", ApiClient.ADMIN).json().get("webhooks");
      // By URL: the settings list webhooks in their own order, not in the order they were given.
      String flakyId = hookId(hooks, flaky.url());
      String downId = hookId(hooks, down.url());
      assertThat(row(page(), flakyId)).contains("data-state=\"NONE\"").contains("None yet");

      String c = newConversation();
      String session = api.endUserSays(c, "m-1", "Hello").get("sessionId").asText();
      api.agentSays(ApiClient.AGENT_1, session, "a-1", "Sorted?");
      api.post("/api/v1/sessions/" + session + "/end", ApiClient.AGENT_1, "{\"sendCsat\":false}")
          .expect(200);
      ApiClient.await(
          Duration.ofSeconds(30), () -> !flaky.accepted.isEmpty() && down.requests.get() >= 2);
      // The receiver has answered; the delivery records its outcome in the store just after.
      ApiClient.await(
          Duration.ofSeconds(30),
          () -> row(pageNow(), flakyId).contains("data-state=\"DELIVERED\""));

      String delivered = row(page(), flakyId);
      assertThat(delivered)
          .contains("data-state=\"DELIVERED\"")
          .contains("Delivered (session.ended)")
          .contains("HTTP 200")
          .containsPattern("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\"");
      assertThat(cell(delivered, "delivery-attempts")).isEqualTo("3");
      String failing = row(page(), downId);
      assertThat(failing)
          .contains("data-state=\"FAILING\"")
          .contains("Failing, retrying (session.ended)")
          .contains("HTTP 500: answered 500");
      assertThat(Integer.parseInt(cell(failing, "delivery-attempts"))).isGreaterThanOrEqualTo(2);
    }
  }

  private String page() throws Exception {
    return mvc.perform(get("/admin/webhooks").with(user("dev-admin").roles("ADMIN")))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String hookId(JsonNode hooks, String url) {
    for (JsonNode hook : hooks) {
      if (hook.get("url").asText().equals(url)) {
        return hook.get("hookId").asText();
      }
    }
    throw new AssertionError("no webhook for " + url + " in " + hooks);
  }

  private String pageNow() {
    try {
      return page();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String row(String page, String hookId) {
    Matcher m =
        Pattern.compile("<tr data-hook=\"" + Pattern.quote(hookId) + "\".*?</tr>", Pattern.DOTALL)
            .matcher(page);
    assertThat(m.find()).as("a row for webhook " + hookId + " in\n" + page).isTrue();
    return m.group();
  }

  private static String cell(String row, String cssClass) {
    Matcher m = Pattern.compile("class=\"" + cssClass + "\">([^<]*)<").matcher(row);
    assertThat(m.find()).as(cssClass + " in " + row).isTrue();
    return m.group(1).strip();
  }
}
