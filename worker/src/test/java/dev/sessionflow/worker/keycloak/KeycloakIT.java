package dev.sessionflow.worker.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.SessionflowApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Keycloak with the realm of {@code docs/ops/keycloak/support-realm.json}: agents with each
 * ticket access sign in to the workspace through the authorization-code flow and call the API with
 * the access tokens Keycloak issues them, and see the same sessions in both.
 */
class KeycloakIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
  private static final Pattern OPENED = Pattern.compile("href=\"/conversations/([^\"]+)\"");
  private static final String SECRET = "workspace-test-secret";

  private static KeycloakProcess keycloak;
  private static ConfigurableApplicationContext service;
  private static String base;
  private static ApiClient dev;

  /** The four sessions: in which group, and who answered them. */
  private static String firstLineFree;

  private static String tier2Free;
  private static String firstLineAgent1;
  private static String tier2Ash;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("sessionflow-keycloak");
    keycloak = new KeycloakProcess(dir.resolve("keycloak.log")).start();
    service =
        new SpringApplicationBuilder(SessionflowApplication.class)
            .run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + keycloak.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=sessionflow",
                "--spring.security.oauth2.client.registration.sso.client-id=sessionflow",
                "--spring.security.oauth2.client.registration.sso.client-secret=" + SECRET,
                "--spring.security.oauth2.client.registration.sso.scope=openid,profile",
                "--spring.security.oauth2.client.provider.sso.issuer-uri=" + keycloak.issuer(),
                "--sessionflow.auth.agent-access=ASSIGNED");
    int port = ((WebServerApplicationContext) service).getWebServer().getPort();
    base = "http://127.0.0.1:" + port;
    // Fully embedded, the development tokens set the scene: the channel writes, the admin groups.
    dev = new ApiClient(port);
    firstLineFree = session("first-line", null);
    tier2Free = session("tier-2", null);
    firstLineAgent1 = session("first-line", ApiClient.AGENT_1);
    tier2Ash = session("tier-2", apiToken("ash"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }

  private static String session(String group, String answeredBy) {
    JsonNode opened = dev.endUserSays("c-" + UUID.randomUUID(), "m-1", "Hello");
    String sessionId = opened.get("sessionId").asText();
    dev.patch(
            "/api/v1/tickets/" + opened.get("ticketId").asText(),
            ApiClient.ADMIN,
            "{\"group\":\"" + group + "\"}")
        .expect(200);
    if (answeredBy != null) {
      dev.agentSays(answeredBy, sessionId, "a-1", "On it");
    }
    return sessionId;
  }

  @Test
  void eachAgentSeesTheSameSessionsInTheWorkspaceAndTheApi() throws Exception {
    Map<String, Set<String>> expected =
        Map.of(
            "alice", Set.of(firstLineFree, tier2Free, firstLineAgent1, tier2Ash),
            "gina", Set.of(firstLineFree, firstLineAgent1),
            "ash", Set.of(firstLineFree, tier2Free, tier2Ash),
            "ada", Set.of(firstLineFree, tier2Free, firstLineAgent1, tier2Ash));
    for (var person : expected.entrySet()) {
      String user = person.getKey();
      JsonNode listed = dev.get("/api/v1/sessions?limit=1000", apiToken(user)).expect(200).json();
      Set<String> api = new HashSet<>(listed.get("sessions").findValuesAsText("sessionId"));
      Set<String> workspace = inbox(signIn(user));
      assertThat(api).as(user + " in the API").isEqualTo(person.getValue());
      assertThat(workspace).as(user + " in the workspace").isEqualTo(person.getValue());
    }
  }

  @Test
  void aScopedAgentCannotOpenOrEndASessionOutOfSightInTheWorkspace() throws Exception {
    HttpClient gina = signIn("gina");
    HttpResponse<String> hidden = get(gina, "/conversations/" + tier2Ash);
    assertThat(hidden.statusCode()).isEqualTo(404);
    HttpResponse<String> own = get(gina, "/conversations/" + firstLineFree);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("gina");
  }

  @Test
  void aTokenForAnotherAudienceIsRefusedByTheApi() throws Exception {
    // Keycloak's own admin-cli client issues tokens to the same realm without sessionflow's
    // audience: the API refuses them.
    HttpResponse<String> token =
        HttpClient.newHttpClient()
            .send(tokenRequest("admin-cli", null, "alice"), HttpResponse.BodyHandlers.ofString());
    String other = JSON.readTree(token.body()).get("access_token").asText();
    dev.get("/api/v1/sessions", other).expectProblem(401, "unauthorized");
  }

  /** An access token from Keycloak for a user (the password grant of the same client). */
  private static String apiToken(String user) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(tokenRequest("sessionflow", SECRET, user), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private static HttpRequest tokenRequest(String client, String secret, String user) {
    String form =
        "grant_type=password&scope=openid&client_id="
            + client
            + (secret == null ? "" : "&client_secret=" + secret)
            + "&username="
            + user
            + "&password="
            + user
            + "-pass";
    return HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  /** A browser signed in to the workspace through Keycloak's login page. */
  private static HttpClient signIn(String user) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> toKeycloak = get(browser, "/oauth2/authorization/sso");
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    HttpResponse<String> loginPage = send(browser, location(toKeycloak), null);
    Matcher form = LOGIN_FORM.matcher(loginPage.body());
    assertThat(form.find()).as("Keycloak's login form").isTrue();
    String action = form.group(1).replace("&amp;", "&");
    HttpResponse<String> back =
        send(
            browser,
            action,
            "username="
                + user
                + "&password="
                + URLEncoder.encode(user + "-pass", StandardCharsets.UTF_8)
                + "&credentialId=");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
    assertThat(location(back)).startsWith(base + "/login/oauth2/code/sso");
    HttpResponse<String> signedIn = send(browser, location(back), null);
    assertThat(location(signedIn)).as("signed in as " + user).endsWith("/inbox");
    return browser;
  }

  private static Set<String> inbox(HttpClient browser) throws Exception {
    HttpResponse<String> inbox = get(browser, "/inbox");
    assertThat(inbox.statusCode()).isEqualTo(200);
    Set<String> opened = new HashSet<>();
    Matcher m = OPENED.matcher(inbox.body());
    while (m.find()) {
      opened.add(m.group(1));
    }
    return opened;
  }

  private static HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    return send(browser, base + path, null);
  }

  private static HttpResponse<String> send(HttpClient browser, String url, String form)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (form != null) {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return location.startsWith("/") ? base + location : location;
  }
}
