package dev.sessionflow.worker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser's filter chain beside the API's: sign-in, roles, CSRF, and the API untouched. */
class WorkspaceSecurityTest extends ApiTestBase {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int serverPort;
  private HttpClient browser;

  @BeforeEach
  void newBrowser() {
    browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String form)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + serverPort + path);
  }

  private String csrfFrom(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }

  private void signIn(String identity) throws IOException, InterruptedException {
    String token = csrfFrom(get("/login").body());
    HttpResponse<String> signedIn =
        postForm(
            "/login",
            "username=" + identity + "&password=dev&_csrf=" + URLEncoder.encode(token, UTF8));
    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  @Test
  void pagesNeedASignIn() throws Exception {
    HttpResponse<String> inbox = get("/inbox");
    assertThat(inbox.statusCode()).isEqualTo(302);
    assertThat(inbox.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void onlyTheDevelopmentIdentitiesSignIn() throws Exception {
    String token = csrfFrom(get("/login").body());
    HttpResponse<String> refused =
        postForm(
            "/login", "username=dev-channel&password=dev&_csrf=" + URLEncoder.encode(token, UTF8));
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
  }

  @Test
  void anAgentGetsTheInboxButNotTheAdminPages() throws Exception {
    signIn(ApiClient.AGENT_1);
    HttpResponse<String> inbox = get("/inbox");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("Signed in as", "agent-1");
    assertThat(get("/admin/settings").statusCode()).isEqualTo(403);
    assertThat(get("/admin/hours").statusCode()).isEqualTo(403);
    assertThat(get("/admin/texts").statusCode()).isEqualTo(403);
    assertThat(get("/admin/channels").statusCode()).isEqualTo(403);
    assertThat(get("/admin/retention").statusCode()).isEqualTo(403);
  }

  @Test
  void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
    String c = newConversation();
    String sessionId = api.endUserSays(c, "m-1", "Hello").get("sessionId").asText();
    signIn(ApiClient.AGENT_1);

    HttpResponse<String> forged =
        postForm("/conversations/" + sessionId + "/end", "reason=RESOLVED");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(api.session(sessionId).get("status").asText()).isNotEqualTo("ENDED");
  }

  @Test
  void theApiIsStillAuthenticatedByItsBearerTokens() {
    api.get("/api/v1/sessions", null).expectProblem(401, "unauthorized");
    api.get("/api/v1/sessions", ApiClient.AGENT_1).expect(200);
  }

  @Test
  void aLiveStreamEndsWhenItsBrowserSignsOut() throws Exception {
    signIn(ApiClient.AGENT_1);
    String csrf = csrfFrom(get("/inbox").body());
    var stream =
        browser.sendAsync(
            HttpRequest.newBuilder(uri("/inbox/stream")).GET().build(),
            HttpResponse.BodyHandlers.ofLines());
    HttpResponse<java.util.stream.Stream<String>> open =
        stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(open.statusCode()).isEqualTo(200);
    var ended =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                open.body().forEach(line -> {});
              } catch (java.io.UncheckedIOException closedByTheServer) {
                // ended all the same
              }
            });

    postForm("/logout", "_csrf=" + URLEncoder.encode(csrf, UTF8));
    ended.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(get("/inbox").statusCode()).as("signed out").isEqualTo(302);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    String cookie =
        get("/login").headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }
}
