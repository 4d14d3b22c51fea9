package dev.sessionflow.worker.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.worker.SignedInBrowser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's web chat page in the workspace: the script tag, the allowed origins (with the API's
 * checks), and widget keys whose secret is shown once. Agents do not get it.
 */
class WebChatAdminPageTest extends ApiTestBase {
  private static final Pattern SECRET = Pattern.compile("id=\"new-key-secret\">(wksec_[^<]+)<");

  @AfterEach
  void restore() {
    restoreDefaultSettings();
  }

  @Test
  void anAdminAllowsOriginsAndMakesAndRevokesKeys() throws Exception {
    SignedInBrowser admin = SignedInBrowser.as(base(), ApiClient.ADMIN);
    String page = admin.get("/admin/widget").body();
    assertThat(page).contains("/widget.js&quot; async&gt;&lt;/script&gt;");

    String saved =
        admin
            .post("/admin/widget/origins", "origins=" + form("https://www.example.com\r\n\r\n"))
            .body();
    assertThat(saved).contains("id=\"origins-saved\"");
    assertThat(
            api.get("/api/v1/settings/messaging", ApiClient.ADMIN)
                .json()
                .at("/widget/allowedOrigins/0")
                .asText())
        .isEqualTo("https://www.example.com");
    String refused =
        admin
            .post("/admin/widget/origins", "origins=" + form("https://www.example.com/shop"))
            .body();
    assertThat(refused).contains("id=\"origins-error\"").contains("widget.allowedOrigins[0]");
    assertThat(api.get("/api/v1/settings/messaging", ApiClient.ADMIN).body())
        .as("a refused list changes nothing")
        .contains("\"allowedOrigins\":[\"https://www.example.com\"]");

    String made = admin.post("/admin/widget/keys", "").body();
    Matcher secret = SECRET.matcher(made);
    assertThat(secret.find()).as("the new key's secret is shown").isTrue();
    String kid = made.replaceAll("(?s).*Key <code>(wk-[^<]+)</code> is ready.*", "$1");
    assertThat(admin.get("/admin/widget").body())
        .as("and never again")
        .doesNotContain(secret.group(1))
        .contains("data-kid=\"" + kid + "\"");

    HttpResponse<String> revoked = admin.post("/admin/widget/keys/" + kid + "/revoke", "");
    assertThat(revoked.statusCode()).isEqualTo(302);
    assertThat(api.get("/api/v1/widget/keys", ApiClient.ADMIN).json().findParent("kid").toString())
        .isNotEmpty();
    assertThat(api.get("/api/v1/widget/keys", ApiClient.ADMIN).body())
        .containsPattern("\"kid\":\"" + kid + "\"[^}]*\"revokedAt\":\"");
  }

  @Test
  void agentsDoNotGetThePage() throws Exception {
    SignedInBrowser agent = SignedInBrowser.as(base(), ApiClient.AGENT_1);
    assertThat(agent.get("/admin/widget").statusCode()).isEqualTo(403);
    assertThat(agent.post("/admin/widget/keys", "").statusCode()).isEqualTo(403);
    assertThat(api.get("/api/v1/widget/keys", ApiClient.ADMIN).body()).doesNotContain("agent-1");
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
