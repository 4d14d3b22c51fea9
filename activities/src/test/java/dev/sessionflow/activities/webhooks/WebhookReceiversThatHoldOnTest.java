package dev.sessionflow.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.workflows.webhooks.WebhookCall;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A receiver cannot hold a delivery slot: by trickling its answer, or by a never-ending one. */
class WebhookReceiversThatHoldOnTest extends StoreTestBase {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Autowired WebhookStore webhooks;
  @Autowired WebhookDeliveries deliveries;

  private HttpServer receiver;
  private final AtomicLong bytesSent = new AtomicLong();

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  /** A receiver on loopback that answers 200 and then writes {@code chunks} of its body. */
  private String receiver(int chunks, int chunkSize, long pauseMillis) throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            byte[] chunk = new byte[chunkSize];
            for (int i = 0; i < chunks; i++) {
              out.write(chunk);
              out.flush();
              bytesSent.addAndGet(chunkSize);
              if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
              }
            }
          } catch (IOException | InterruptedException cutOff) {
            // the service hung up on us
          }
        });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private WebhookActivitiesImpl activities(Duration deadline) {
    WebhookDestinations loopback =
        new WebhookDestinations(
            new WebhookProperties(List.of("127.0.0.1/32"), false, null, Duration.ofHours(1)));
    return new WebhookActivitiesImpl(webhooks, deliveries, loopback, clock, deadline, null, null);
  }

  private WebhookCall call(String url) {
    webhooks.replaceAll(List.of(new Webhook(null, url, SECRET, Set.of("session.ended"))));
    String hookId = webhooks.all().getFirst().hookId();
    return new WebhookCall(
        hookId, new WebhookEvent("session.ended:s-1", "session.ended", T0.toString(), Map.of()));
  }

  @Test
  void aReceiverTricklingItsAnswerIsCutOffAtTheDeadline() throws Exception {
    // One byte a second, for a minute: every read is well within the per-read timeout.
    String url = receiver(60, 1, 1_000);
    long started = System.nanoTime();
    assertThatThrownBy(() -> activities(Duration.ofSeconds(2)).post(call(url)))
        .hasMessageContaining("took longer than 2 s")
        .hasMessageNotContaining(url);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void aNeverEndingAnswerIsNotReadToItsEnd() throws Exception {
    String url = receiver(8_000, 64 * 1024, 0); // 500 MiB
    activities(Duration.ofSeconds(30)).post(call(url));
    assertThat(bytesSent.get()).isLessThan(32L * 1024 * 1024);
  }
}
