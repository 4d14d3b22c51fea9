package dev.sessionflow.worker.realserver;

import dev.sessionflow.worker.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real {@code temporal server start-dev} and the service as a separate process on an H2 file
 * database, both with their state on disk, so either can be killed and started again.
 */
abstract class RealServerTestBase {
  protected Path dir;
  protected DevServerProcess temporal;
  protected ServiceProcess service;
  protected ApiClient api;

  @BeforeEach
  void startServers() throws IOException {
    dir = Files.createTempDirectory("sessionflow-it");
    temporal = new DevServerProcess(dir).start();
    startService();
  }

  @AfterEach
  void stopServers() {
    if (service != null) {
      service.close();
    }
    temporal.close();
  }

  protected Map<String, String> serviceEnv() {
    return Map.of(
        "TEMPORAL_ADDRESS",
        temporal.address(),
        "SPRING_DATASOURCE_URL",
        "jdbc:h2:file:"
            + dir.resolve("tickets")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0");
  }

  protected void startService() {
    service = new ServiceProcess(serviceEnv(), dir).start();
    api = new ApiClient(service.port());
  }

  /** Calls until the service answers something other than 503 or a refused connection. */
  protected static ApiClient.Response retrying(Supplier<ApiClient.Response> call) {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (true) {
      try {
        ApiClient.Response response = call.get();
        if (response.status() != 503) {
          return response;
        }
      } catch (UncheckedIOException refusedOrReset) {
        // the service is down or restarting: try again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the service did not answer within 180 s");
      }
      Ports.sleep(250);
    }
  }
}
