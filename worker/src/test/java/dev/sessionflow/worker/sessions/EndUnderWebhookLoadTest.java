package dev.sessionflow.worker.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * An agent's end stays fast while every webhook delivery slot is busy with a slow receiver: the
 * POSTs have their own task queue and slots, so the end's CloseSession never waits behind them. Few
 * slots here, so that a handful of deliveries saturates them.
 */
@TestPropertySource(
    properties = {"SESSIONFLOW_ACTIVITY_SLOTS=4", "SESSIONFLOW_WEBHOOK_ACTIVITY_SLOTS=2"})
class EndUnderWebhookLoadTest extends ApiTestBase {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Duration SLOW_RECEIVER = Duration.ofSeconds(12);

  @Test
  void theEndStaysFastWhileWebhookReceiversAreSlowAndTheirSlotsSaturated() throws IOException {
    AtomicInteger inFlight = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/hook",
        exchange -> {
          inFlight.incrementAndGet();
          try {
            exchange.getRequestBody().readAllBytes();
            Thread.sleep(SLOW_RECEIVER);
            exchange.sendResponseHeaders(200, -1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            inFlight.decrementAndGet();
            exchange.close();
          }
        });
    receiver.start();
    try {
      api.put(
              "/api/v1/settings/messaging",
              ApiClient.ADMIN,
              """
              {"webhooks": [{"url": "http://127.0.0.1:%d/hook", "secret": "%s",
                             "events": ["session.ended", "csat.sent"]}]}
              """
                  .formatted(receiver.getAddress().getPort(), SECRET))
          .expect(200);
      List<String> sessions = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String session = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
        api.agentSays(ApiClient.AGENT_1, session, "a-1", "Hello");
        sessions.add(session);
      }
      // Five ends raise ten slow deliveries: more than every slot there is for them.
      for (String session : sessions.subList(0, 5)) {
        api.post("/api/v1/sessions/" + session + "/end", ApiClient.AGENT_1, null).expect(200);
      }
      ApiClient.await(Duration.ofSeconds(20), () -> inFlight.get() >= 2);

      long started = System.nanoTime();
      api.post("/api/v1/sessions/" + sessions.get(5) + "/end", ApiClient.AGENT_1, null).expect(200);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(inFlight.get()).as("deliveries still hold their slots").isGreaterThanOrEqualTo(2);
      assertThat(took)
          .as("the end, with every delivery slot busy")
          .isLessThan(Duration.ofSeconds(4));
    } finally {
      restoreDefaultSettings();
      receiver.stop(0);
    }
  }
}
