package dev.sessionflow.worker.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's server distribution ({@code bin/kc.sh start-dev}) on a free loopback port, with an
 * in-memory database and the repository's realm file imported at start.
 */
final class KeycloakProcess implements AutoCloseable {
  /** The realm file the operations guide describes, as an admin would set it up. */
  static final Path REALM =
      Path.of(System.getProperty("sessionflow.root", ".."))
          .resolve("docs/ops/keycloak/support-realm.json");

  private final Path home;
  private final Path log;
  private final int port = freePort();
  private Process process;

  KeycloakProcess(Path log) {
    String configured = System.getProperty("keycloak.home");
    this.home =
        configured != null
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache/sessionflow/keycloak-26.7.3");
    this.log = log;
  }

  String issuer() {
    return "http://127.0.0.1:" + port + "/realms/support";
  }

  KeycloakProcess start() throws IOException {
    Path kc = home.resolve("bin/kc.sh");
    if (!Files.isExecutable(kc)) {
      throw new IllegalStateException(kc + " is missing: run .ci/keycloak.sh first");
    }
    Path imports = home.resolve("data/import");
    Files.createDirectories(imports);
    Files.copy(REALM, imports.resolve("support-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    kc.toString(),
                    "start-dev",
                    "--import-realm",
                    "--db=dev-mem",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--http-management-port=" + freePort()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    process = builder.start();
    awaitRealm();
    return this;
  }

  private void awaitRealm() {
    HttpClient http = HttpClient.newHttpClient();
    URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited; see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("Keycloak did not serve the realm within 240 s; see " + log);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.toHandle().descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
