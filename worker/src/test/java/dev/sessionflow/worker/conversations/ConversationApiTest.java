package dev.sessionflow.worker.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConversationApiTest extends ApiTestBase {

  @Test
  void firstMessageOpensSessionAndTicket() {
    String c = newConversation();
    JsonNode body = api.endUserSays(c, "m-1", "Hi");

    assertThat(body.get("newSession").asBoolean()).isTrue();
    JsonNode session = api.session(body.get("sessionId").asText());
    assertThat(session.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(session.get("conversationId").asText()).isEqualTo(c);
    JsonNode ticket =
        api.get("/api/v1/tickets/" + body.get("ticketId").asText(), ApiClient.AGENT_1)
            .expect(200)
            .json();
    assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
    assertThat(ticket.get("sessionId").asText()).isEqualTo(body.get("sessionId").asText());

    JsonNode second = api.endUserSays(c, "m-2", "Anyone?");
    assertThat(second.get("newSession").asBoolean()).isFalse();
    assertThat(second.get("sessionId")).isEqualTo(body.get("sessionId"));
  }

  @Test
  void repeatedMessageIdIsStoredOnceAndAnsweredAlike() {
    String c = newConversation();
    JsonNode first = api.endUserSays(c, "m-1", "Hi");
    JsonNode again = api.endUserSays(c, "m-1", "Hi");

    assertThat(again).isEqualTo(first);
    assertThat(api.transcript(c)).hasSize(1);
  }

  @Test
  void concurrentFirstMessagesOpenOneSessionAndOneTicket() throws Exception {
    String c = newConversation();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JsonNode>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      for (int i = 0; i < 10; i++) {
        String id = "m-" + i;
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return api.endUserSays(c, id, "hello " + id);
                }));
      }
      go.countDown();
      Set<String> sessions = new HashSet<>();
      Set<String> tickets = new HashSet<>();
      int opened = 0;
      for (Future<JsonNode> answer : answers) {
        JsonNode body = answer.get();
        sessions.add(body.get("sessionId").asText());
        tickets.add(body.get("ticketId").asText());
        opened += body.get("newSession").asBoolean() ? 1 : 0;
      }
      assertThat(sessions).hasSize(1);
      assertThat(tickets).hasSize(1);
      assertThat(opened).isEqualTo(1);
    }
    assertThat(api.transcript(c)).hasSize(10);
  }

  @Test
  void transcriptOfUnknownConversationIsNotFound() {
    api.get("/api/v1/conversations/nobody/messages", ApiClient.AGENT_1)
        .expectProblem(404, "not-found");
  }

  @Test
  void rejectsBadMessages() {
    String path = "/api/v1/conversations/" + newConversation() + "/messages";
    api.post(path, ApiClient.CHANNEL, "{\"messageId\":\"m-1\",\"endUserId\":\"u\",\"text\":\"\"}")
        .expectProblem(400, "validation");
    api.post(path, ApiClient.CHANNEL, "{\"endUserId\":\"u\",\"text\":\"hi\"}")
        .expectProblem(400, "validation");
    String tooLong = "x".repeat(16_385);
    api.post(
            path,
            ApiClient.CHANNEL,
            "{\"messageId\":\"m-1\",\"endUserId\":\"u\",\"text\":\"" + tooLong + "\"}")
        .expectProblem(400, "validation");
    api.post(path, ApiClient.CHANNEL, "{\"messageId\": \"m-1\", \"text\": ")
        .expectProblem(400, "validation");
    api.post(path, ApiClient.CHANNEL, null).expectProblem(400, "validation");
    api.post(
            "/api/v1/conversations/" + "x".repeat(200) + "/messages",
            ApiClient.CHANNEL,
            "{\"messageId\":\"m-1\",\"endUserId\":\"u\",\"text\":\"hi\"}")
        .expectProblem(400, "validation");
  }

  @Test
  void refusesMegabyteMessagesWith413() {
    String path = "/api/v1/conversations/" + newConversation() + "/messages";
    String huge = "x".repeat(1024 * 1024);
    api.post(
            path,
            ApiClient.CHANNEL,
            "{\"messageId\":\"m-1\",\"endUserId\":\"u\",\"text\":\"" + huge + "\"}")
        .expectProblem(413, "payload-too-large");
  }

  @Test
  void needsTheChannelToken() {
    String path = "/api/v1/conversations/" + newConversation() + "/messages";
    String body = "{\"messageId\":\"m-1\",\"endUserId\":\"u\",\"text\":\"hi\"}";
    api.post(path, null, body).expectProblem(401, "unauthorized");
    api.post(path, "not-a-token", body).expectProblem(401, "unauthorized");
    api.post(path, ApiClient.AGENT_1, body).expectProblem(403, "forbidden");
  }
}
