package dev.sessionflow.worker;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole service on a random port: embedded Temporal (real time), embedded database. Each test
 * uses fresh conversation ids, so tests share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestBase {
  @LocalServerPort int port;
  protected ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  protected static String newConversation() {
    return "c-" + UUID.randomUUID();
  }
}
