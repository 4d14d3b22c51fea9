package dev.sessionflow.worker.channelevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Channel events as a messaging integration receives them: every message of a conversation, in its
 * sequence order, whoever wrote it, with the survey's link; a conversation whose deliveries fail
 * holds up only itself.
 */
class ChannelEventsApiTest extends ApiTestBase {
  @Autowired JdbcClient jdbc;
  @Autowired LanesLeftBehind lanesLeftBehind;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private HttpServer receiver;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  /** Conversations whose next deliveries the receiver answers 500, and how many. */
  private final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();

  @BeforeEach
  void receive() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          JsonNode event = JSON.readTree(exchange.getRequestBody().readAllBytes());
          AtomicInteger fails = failing.get(event.path("data").path("conversationId").asText());
          int status = fails != null && fails.getAndDecrement() > 0 ? 500 : 204;
          if (status == 204) {
            received.add(event);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            """
            {"webhooks": [{"url": "http://127.0.0.1:%d/hook", "secret": "%s",
              "events": ["message.created", "session.started", "csat.sent"]}]}
            """
                .formatted(receiver.getAddress().getPort(), SECRET))
        .expect(200);
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    restoreDefaultSettings();
  }

  @Test
  void everyMessageOfAConversationArrivesInOrderWithTheSurveyLink() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "My order is late").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "It ships today.");
    api.endUserSays(c, "m-2", "Thanks!");
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);

    List<JsonNode> lane = awaitEvents(c, 6);
    assertThat(lane)
        .extracting(e -> e.path("type").asText())
        .containsExactly(
            "session.started",
            "message.created",
            "message.created",
            "message.created",
            "message.created",
            "message.created");
    assertThat(lane.getFirst().path("data").path("sessionId").asText()).isEqualTo(s);
    List<JsonNode> messages = lane.subList(1, 6).stream().map(e -> e.path("data")).toList();
    assertThat(messages)
        .extracting(m -> m.path("author").asText() + ":" + m.path("kind").asText(""))
        .containsExactly("END_USER:", "AGENT:", "END_USER:", "SYSTEM:ENDED", "SYSTEM:SURVEY");
    assertThat(messages)
        .extracting(m -> m.path("sequence").asLong())
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(messages.get(1).path("text").asText()).isEqualTo("It ships today.");
    String surveyUrl = api.invitation(c).get("surveyUrl").asText();
    assertThat(messages.get(4).path("surveyUrl").asText()).isEqualTo(surveyUrl);

    ApiClient.await(
        Duration.ofSeconds(20),
        () -> received.stream().anyMatch(e -> e.path("type").asText().equals("csat.sent")));
    JsonNode sent =
        received.stream()
            .filter(e -> e.path("type").asText().equals("csat.sent"))
            .findFirst()
            .orElseThrow();
    assertThat(sent.path("data").path("surveyUrl").asText()).isEqualTo(surveyUrl);
  }

  @Test
  void aConversationWhoseDeliveriesFailHoldsOnlyItselfAndKeepsItsOrder() {
    String slow = newConversation();
    failing.put(slow, new AtomicInteger(3));
    String fast = newConversation();
    api.endUserSays(slow, "m-1", "first");
    api.endUserSays(slow, "m-2", "second");
    api.endUserSays(fast, "m-1", "hello");

    assertThat(awaitEvents(fast, 2)).isNotEmpty();
    List<JsonNode> held = awaitEvents(slow, 3);
    assertThat(held)
        .extracting(e -> e.path("data").path("text").asText(""))
        .containsExactly("", "first", "second");
    // the held conversation's first event was refused three times; nothing overtook it
    assertThat(failing.get(slow).get()).isNegative();
  }

  /**
   * A message committed whose wake was lost (a crash right after the commit): stored here past the
   * service, as the crash leaves it. The reconciler's pass wakes its lane, which delivers it.
   */
  @Test
  void aMessageWhoseWakeWasLostIsDeliveredByTheReconcilersPass() throws Exception {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "Hi").get("sessionId").asText();
    awaitEvents(c, 2);
    // the hook has been there a while (only messages after a hook was made are its to catch up)
    jdbc.sql("update webhooks set created_at = :then")
        .param("then", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)))
        .update();
    jdbc.sql(
            """
            insert into messages (conversation_id, message_id, session_id, author, text, sent_at)
            values (:c, 'm-lost', :s, 'END_USER', 'Are you there?', :at)
            """)
        .param("c", c)
        .param("s", s)
        .param("at", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
        .update();
    Thread.sleep(500);
    assertThat(of(c)).hasSize(2); // nothing woke the lane

    assertThat(lanesLeftBehind.wake()).isPositive();
    assertThat(awaitEvents(c, 3).get(2).path("data").path("messageId").asText())
        .isEqualTo("m-lost");
    long lost =
        jdbc.sql("select seq from messages where conversation_id = :c and message_id = 'm-lost'")
            .param("c", c)
            .query(Long.class)
            .single();
    ApiClient.await(
        Duration.ofSeconds(10),
        () ->
            jdbc.sql("select delivered_seq from channel_lanes where conversation_id = :c")
                    .param("c", c)
                    .query(Long.class)
                    .single()
                == lost); // no longer behind: the next pass leaves it alone
  }

  private List<JsonNode> awaitEvents(String conversationId, int count) {
    ApiClient.await(Duration.ofSeconds(30), () -> of(conversationId).size() >= count);
    return of(conversationId);
  }

  private List<JsonNode> of(String conversationId) {
    return received.stream()
        .filter(e -> e.path("data").path("conversationId").asText().equals(conversationId))
        .filter(e -> !e.path("type").asText().equals("csat.sent"))
        .toList();
  }
}
