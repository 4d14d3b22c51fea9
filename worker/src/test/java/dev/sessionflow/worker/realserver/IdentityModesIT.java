package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity modes with a real Temporal server: durable without the dev profile, and prod. In
 * neither do the development-only surfaces exist (the chat page, the development identities on the
 * sign-in page, the development tokens); the API takes only the configured tokens. The modes
 * without a server are in {@code IdentityModePagesTest}.
 */
class IdentityModesIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String ADMIN_TOKEN = "it-admin-secret";

  private Path dir;
  private DevServerProcess temporal;
  private ServiceProcess service;

  @BeforeEach
  void startTemporal() throws IOException {
    dir = Files.createTempDirectory("sessionflow-modes");
    temporal = new DevServerProcess(dir).start();
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    temporal.close();
  }

  private Map<String, String> env(String profiles) {
    Map<String, String> env = new HashMap<>();
    env.put("TEMPORAL_ADDRESS", temporal.address());
    env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + dir.resolve("tickets"));
    env.put("SPRING_PROFILES_ACTIVE", profiles);
    env.put("SESSIONFLOW_AUTH_TOKEN_LIST", ADMIN_TOKEN + ":ADMIN:it-ops");
    env.put("SESSIONFLOW_CSAT_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("SESSIONFLOW_WEBHOOKS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("SESSIONFLOW_PAYLOAD_KEYS", "k1:" + Base64.getEncoder().encodeToString(new byte[32]));
    env.put("SESSIONFLOW_AUTH_AGENT_ACCESS", "ASSIGNED");
    env.put("SESSIONFLOW_PUBLIC_BASE_URL", "https://support.example.test");
    return env;
  }

  @Test
  void durableWithoutTheDevProfileOffersNoDevelopmentSurface() throws Exception {
    service = new ServiceProcess(env(""), dir).start();
    assertNoDevelopmentSurface();
  }

  @Test
  void prodOffersNoDevelopmentSurface() throws Exception {
    service = new ServiceProcess(env("prod"), dir).start();
    assertNoDevelopmentSurface();
    // Behind its TLS proxy: the workspace's session cookie is never sent in clear.
    String cookie =
        get("/login", null).headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  private void assertNoDevelopmentSurface() throws Exception {
    HttpResponse<String> chat = get("/chat", null);
    assertThat(chat.headers().firstValue("Location").orElse("")).doesNotContain("/chat/");
    assertThat(get("/chat/c-probe", null).statusCode()).isNotEqualTo(200);
    HttpResponse<String> write =
        HTTP.send(
            HttpRequest.newBuilder(uri("/chat/c-probe/messages"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=Hello"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).isNotEqualTo(200);
    assertThat(get("/login", null).body()).doesNotContain("dev-agent-1");
    // Loopback pages may start widget visitors and frame the chat only in development.
    HttpResponse<String> visitor =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/v1/widget/visitors"))
                .header("Content-Type", "application/json")
                .header("Origin", "http://127.0.0.1:" + service.port())
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(visitor.statusCode()).isEqualTo(403);
    assertThat(get("/widget/frame", null).headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).endsWith("frame-ancestors 'none'"));
    for (String devToken : new String[] {"dev-admin", "dev-agent-1", "dev-channel"}) {
      assertThat(get("/api/v1/sessions", devToken).statusCode()).as(devToken).isEqualTo(401);
    }
    assertThat(get("/api/v1/sessions", ADMIN_TOKEN).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/conversations/c-probe/messages", ADMIN_TOKEN).statusCode())
        .as("nothing was opened by the attempts")
        .isEqualTo(404);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
