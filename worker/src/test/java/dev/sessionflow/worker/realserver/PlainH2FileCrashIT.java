package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's plain H2 file URL ({@code jdbc:h2:file:./data/x}, nothing added) keeps what it
 * acknowledged: messages answered 202 just before a SIGKILL are there after the restart.
 */
class PlainH2FileCrashIT extends RealServerTestBase {

  @Override
  protected Map<String, String> serviceEnv() {
    return Map.of(
        "TEMPORAL_ADDRESS",
        temporal.address(),
        "SPRING_DATASOURCE_URL",
        "jdbc:h2:file:" + dir.resolve("plain"));
  }

  @Test
  void messagesAcknowledgedJustBeforeASigkillSurviveIt() {
    List<String> conversations = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String c = "c-" + UUID.randomUUID();
      api.endUserSays(c, "m-1", "Hello before the crash");
      conversations.add(c);
    }
    service.kill();
    startService();
    for (String c : conversations) {
      ApiClient.Response transcript =
          retrying(() -> api.get("/api/v1/conversations/" + c + "/messages", ApiClient.CHANNEL));
      assertThat(transcript.status()).as(c).isEqualTo(200);
      assertThat(transcript.body()).as(c).contains("Hello before the crash");
    }
  }
}
