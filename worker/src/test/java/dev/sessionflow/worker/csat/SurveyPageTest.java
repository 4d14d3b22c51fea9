package dev.sessionflow.worker.csat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hosted survey page, as a phone's browser without JavaScript uses it: plain GET and POST. */
class SurveyPageTest extends ApiTestBase {
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  @Test
  void ratesWithOneButtonPerRatingAndThanksOnce() throws Exception {
    String c = newConversation();
    String token = CsatApiTest.surveyTokenAfterAgentEnd(api, c);

    HttpResponse<String> page = get(token);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("How did we do?")
        .contains("<label for=\"comment\">Comment (optional)</label>")
        .doesNotContain("<script");
    for (int r = 1; r <= 5; r++) {
      assertThat(page.body())
          .contains(
              "<button type=\"submit\" name=\"rating\" value=\"" + r + "\">" + r + "</button>");
    }
    assertThat(page.body()).doesNotContain("value=\"6\"");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'")
        .contains("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> answered = post(token, "rating=4&comment=" + encode("quick & kind <b>"));
    assertThat(answered.statusCode()).isEqualTo(303);
    assertThat(answered.headers().firstValue("Location").orElseThrow())
        .endsWith("/survey/" + token);

    HttpResponse<String> thanks = get(token);
    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains("Thank you").contains("4 out of 5").doesNotContain("<form");
    String sessionId = api.transcript(c).get(0).get("sessionId").asText();
    assertThat(api.session(sessionId).path("csat").path("rating").asInt()).isEqualTo(4);

    // a second post (a back button, a double tap) changes nothing
    HttpResponse<String> again = post(token, "rating=1");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("4 out of 5");
    assertThat(api.session(sessionId).path("csat").path("rating").asInt()).isEqualTo(4);
  }

  @Test
  void aMissingOrOutOfScaleRatingAsksAgainKeepingTheComment() throws Exception {
    String token = CsatApiTest.surveyTokenAfterAgentEnd(api, newConversation());
    for (String form :
        new String[] {"comment=mine", "rating=6&comment=mine", "rating=x&comment=mine"}) {
      HttpResponse<String> page = post(token, form);
      assertThat(page.statusCode()).as(form).isEqualTo(400);
      assertThat(page.body()).contains("role=\"alert\"").contains("Choose a rating from 1 to 5");
      assertThat(page.body()).contains(">mine</textarea>");
    }
    HttpResponse<String> tooLong = post(token, "rating=3&comment=" + "x".repeat(4001));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("too long");
    assertThat(get(token).body()).contains("<form");
  }

  @Test
  void unknownAndExpiredSurveysSaySo() throws Exception {
    HttpResponse<String> unknown = get("no-such-token");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("This survey link is not valid");
    assertThat(post("bad%20token", "rating=5").statusCode()).isEqualTo(404);

    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"csat\": {\"expiresAfter\": \"PT2S\"}}")
        .expect(200);
    String token = CsatApiTest.surveyTokenAfterAgentEnd(api, newConversation());
    Thread.sleep(2_500);
    HttpResponse<String> expired = get(token);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("This survey has closed").doesNotContain("<form");
    assertThat(post(token, "rating=5").statusCode()).isEqualTo(410);
  }

  @Test
  void theStylesheetIsServedWithoutSignIn() throws Exception {
    HttpResponse<String> css =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/survey/assets/page.css")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
  }

  private HttpResponse<String> get(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + "/survey/" + token))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String token, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + "/survey/" + token))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
