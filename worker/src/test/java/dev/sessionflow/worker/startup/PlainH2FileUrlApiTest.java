package dev.sessionflow.worker.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The URL an operator would write for a file database works as it is: the service adds modes. A
 * file database is not fully embedded, so the development tokens need the dev profile.
 */
@ActiveProfiles("dev")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:file:./target/plain-h2-${random.uuid}/x")
class PlainH2FileUrlApiTest {
  @LocalServerPort int port;

  @Test
  void messagesAreAcceptedOnAPlainH2FileUrl() {
    ApiClient api = new ApiClient(port);
    var opened = api.endUserSays("c-plain-h2", "m-1", "hello");
    assertThat(opened.get("sessionId").asText()).isNotBlank();
    api.agentSays(ApiClient.AGENT_1, opened.get("sessionId").asText(), "a-1", "hi");
    assertThat(api.transcript("c-plain-h2")).hasSize(2);
  }
}
