package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.worker.SessionflowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The development-only surfaces (the end-user chat page, the development identities on the sign-in
 * page, the development tokens) exist exactly where the development tokens are accepted: the
 * service is started in each identity mode that needs no Temporal server, and asked. The modes with
 * a real Temporal server (durable without dev, prod) are in {@code IdentityModesIT}.
 */
class IdentityModePagesTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path dir;

  private static ConfigurableApplicationContext start(String... extra) {
    List<String> args = new ArrayList<>(List.of("--server.port=0"));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(SessionflowApplication.class)
        .run(args.toArray(String[]::new));
  }

  private String fileDatabase() {
    return "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db");
  }

  private static String surveyKey() {
    return "--sessionflow.csat.token-key=" + Base64.getEncoder().encodeToString(new byte[32]);
  }

  private static String webhookKey() {
    return "--sessionflow.webhooks.secret-key=" + Base64.getEncoder().encodeToString(new byte[32]);
  }

  private static String payloadKeys() {
    return "--sessionflow.payload-keys=k1:" + Base64.getEncoder().encodeToString(new byte[32]);
  }

  @Test
  void fullyEmbeddedOffersThemAll() throws Exception {
    try (var app = start()) {
      DevSurfaces.of(app).assertPresent(true);
    }
  }

  @Test
  void aDatabaseFileWithApiTokensAndNoDevProfileOffersNone() throws Exception {
    try (var app =
        start(
            fileDatabase(),
            surveyKey(),
            webhookKey(),
            payloadKeys(),
            "--sessionflow.auth.token-list=s3cret-admin:ADMIN")) {
      DevSurfaces.of(app).assertPresent(false);
    }
  }

  /** The development payload key is a development stand-in too: without keys, no start. */
  @Test
  void aDatabaseFileWithoutPayloadKeysRefusesToStart() {
    assertThatThrownBy(
            () ->
                start(
                        fileDatabase(),
                        surveyKey(),
                        webhookKey(),
                        "--sessionflow.auth.token-list=s3cret-admin:ADMIN")
                    .close())
        .rootCause()
        .hasMessageContaining("SESSIONFLOW_PAYLOAD_KEYS");
  }

  @Test
  void theDevProfileOffersThemOnADatabaseFile() throws Exception {
    try (var app = start(fileDatabase(), "--spring.profiles.active=dev")) {
      DevSurfaces.of(app).assertPresent(true);
    }
  }

  /** What a visitor without a sign-in finds of the development surfaces on a running service. */
  record DevSurfaces(String base) {
    static DevSurfaces of(ConfigurableApplicationContext app) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      return new DevSurfaces("http://127.0.0.1:" + port);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void assertPresent(boolean present) throws Exception {
      HttpResponse<String> chat = get("/chat", null);
      String where = chat.headers().firstValue("Location").orElse("");
      assertThat(chat.statusCode() == 302 && where.contains("/chat/c-"))
          .as("/chat opens a conversation (%s %s)", chat.statusCode(), where)
          .isEqualTo(present);
      HttpResponse<String> page = get("/chat/c-probe", null);
      assertThat(page.statusCode() == 200).as("/chat/{id} answers 200").isEqualTo(present);
      assertThat(get("/login", null).body().contains("dev-agent-1"))
          .as("/login lists the development identities")
          .isEqualTo(present);
      assertThat(get("/api/v1/sessions", "dev-admin").statusCode())
          .as("the dev-admin token")
          .isEqualTo(present ? 200 : 401);
    }
  }
}
