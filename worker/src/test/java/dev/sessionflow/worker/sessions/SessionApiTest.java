package dev.sessionflow.worker.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.activities.conversations.SessionCloses;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SessionApiTest extends ApiTestBase {
  @Autowired JdbcClient jdbc;
  @Autowired SessionCloses closes;

  private String openSession(String conversationId) {
    return api.endUserSays(conversationId, "m-1", "Hi").get("sessionId").asText();
  }

  private List<String> kinds(String conversationId) {
    return StreamSupport.stream(api.transcript(conversationId).spliterator(), false)
        .map(m -> m.path("kind").asText(m.get("author").asText()))
        .toList();
  }

  @Test
  void agentReplyAssignsTheSession() {
    String c = newConversation();
    String s = openSession(c);
    api.agentSays(ApiClient.AGENT_2, s, "a-1", "Hello, I'm here");

    assertThat(api.session(s).get("assignedAgentId").asText()).isEqualTo("agent-2");
    api.agentSays(ApiClient.AGENT_1, s, "a-2", "Me too");
    assertThat(api.session(s).get("assignedAgentId").asText()).isEqualTo("agent-2");
    assertThat(kinds(c)).containsExactly("END_USER", "AGENT", "AGENT");
  }

  @Test
  void agentEndSendsSurveyAndSolvesTheTicket() {
    String c = newConversation();
    String s = openSession(c);
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Done!");

    JsonNode ended =
        api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, "{\"reason\":\"RESOLVED\"}")
            .expect(200)
            .json();

    assertThat(ended.get("status").asText()).isEqualTo("ENDED");
    assertThat(ended.get("endedBy").asText()).isEqualTo("AGENT");
    assertThat(ended.get("endReason").asText()).isEqualTo("RESOLVED");
    assertThat(ended.get("endedAt").asText()).isNotBlank();
    assertThat(api.session(s).get("status").asText()).as("ENDED as soon as 200").isEqualTo("ENDED");
    ApiClient.await(
        Duration.ofSeconds(10),
        () -> "SENT".equals(api.session(s).path("csat").path("status").asText()));
    awaitTicketSolved(s);
    assertThat(kinds(c)).containsExactly("END_USER", "AGENT", "SESSION_ENDED", "CSAT_INVITATION");
  }

  private void awaitTicketSolved(String sessionId) {
    String ticketId = api.session(sessionId).get("ticketId").asText();
    ApiClient.await(
        Duration.ofSeconds(10),
        () ->
            "SOLVED"
                .equals(
                    api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN)
                        .json()
                        .path("status")
                        .asText()));
  }

  @Test
  void endingTwiceIsAConflict() {
    String s = openSession(newConversation());
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.ADMIN, null).expect(200);
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.ADMIN, null)
        .expectProblem(409, "session-ended");
    api.post(
            "/api/v1/sessions/" + s + "/messages",
            ApiClient.AGENT_1,
            "{\"messageId\":\"late\",\"text\":\"one more thing\"}")
        .expectProblem(409, "session-ended");
  }

  @Test
  void aRetryUnderTheSameIdempotencyKeyGetsTheFirstAnswer() {
    String s = openSession(newConversation());
    String end = "/api/v1/sessions/" + s + "/end";

    JsonNode first = api.post(end, ApiClient.AGENT_1, null, "key-1").expect(200).json();
    JsonNode retried = api.post(end, ApiClient.AGENT_1, null, "key-1").expect(200).json();

    assertThat(retried).isEqualTo(first);
    api.post(end, ApiClient.AGENT_1, null, "key-2").expectProblem(409, "session-ended");
    // The key is the caller's own: another caller's request under it is another request.
    api.post(end, ApiClient.ADMIN, null, "key-1").expectProblem(409, "session-ended");
    api.post(end, ApiClient.AGENT_1, null).expectProblem(409, "session-ended");
    // Kept in the database, with the session it ended.
    assertThat(
            jdbc.sql("select session_id from end_requests where idem_key = 'key-1'")
                .query(String.class)
                .single())
        .isEqualTo(s);
  }

  @Test
  void aRetryOfAnEndTheStoreHoldsButTheSessionNeverHeardOfEndsTheSession() {
    // The close runs in the workflow task that accepts the end: a crash that lost that task and,
    // with its Temporal node, the Update, leaves the store ended and the session running. The
    // caller's retry under the same key must reach the session, or it never settles.
    String c = newConversation();
    String s = openSession(c);
    String updateId = new IdempotentEnd("AGENT:agent-1", "key-lost").updateId();
    closes.close(
        new SessionClosing(
            s,
            c,
            1,
            null,
            new SessionEnd(
                EndedBy.AGENT, "agent-1", "RESOLVED", Instant.now(), true, null, updateId),
            "This session has ended.",
            0,
            null));

    JsonNode answer =
        api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null, "key-lost")
            .expect(200)
            .json();

    assertThat(answer.get("endedBy").asText()).isEqualTo("AGENT");
    awaitTicketSolved(s);
    assertThat(kinds(c)).containsOnlyOnce("SESSION_ENDED");
  }

  @Test
  void anEndWithoutKeyToASessionTheStoreHoldsEndedButThatNeverHeardOfItStillSettlesIt() {
    // As above, but the caller's retry carries no key: it is told the session has ended, and the
    // session is asked to take the end the store holds.
    String c = newConversation();
    String s = openSession(c);
    closes.close(
        new SessionClosing(
            s,
            c,
            1,
            null,
            new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", Instant.now(), true),
            "This session has ended.",
            0,
            null));

    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null)
        .expectProblem(409, "session-ended");

    awaitTicketSolved(s);
    assertThat(kinds(c)).containsOnlyOnce("SESSION_ENDED");
  }

  @Test
  void anIdempotencyKeyFirstUsedOnAnotherSessionIsAConflict() {
    String first = openSession(newConversation());
    String second = openSession(newConversation());
    api.post("/api/v1/sessions/" + first + "/end", ApiClient.ADMIN, null, "reused").expect(200);

    api.post("/api/v1/sessions/" + second + "/end", ApiClient.ADMIN, null, "reused")
        .expectProblem(409, "conflict");
    api.post("/api/v1/sessions/" + second + "/end", ApiClient.ADMIN, null, "bad key with spaces")
        .expectProblem(400, "validation");
    assertThat(api.session(second).get("status").asText()).isNotEqualTo("ENDED");
  }

  @Test
  void concurrentRetriesUnderOneKeyAllGetTheOneAnswer() throws Exception {
    String s = openSession(newConversation());
    String end = "/api/v1/sessions/" + s + "/end";
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<ApiClient.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(pool.submit(() -> api.post(end, ApiClient.ADMIN, null, "same-key")));
      }
      List<JsonNode> bodies = new ArrayList<>();
      for (Future<ApiClient.Response> answer : answers) {
        bodies.add(answer.get().expect(200).json());
      }
      assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.getFirst()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ofTwentyConcurrentEndsExactlyOneSucceeds() throws Exception {
    String s = openSession(newConversation());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
      for (int i = 0; i < 20; i++) {
        String token = i % 2 == 0 ? ApiClient.AGENT_1 : ApiClient.ADMIN;
        statuses.add(
            pool.submit(
                () -> {
                  go.await();
                  return api.post("/api/v1/sessions/" + s + "/end", token, null).status();
                }));
      }
      go.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        codes.add(status.get());
      }
      assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
      assertThat(codes).filteredOn(code -> code == 409).hasSize(19);
    }
  }

  @Test
  void endUserLeavingGetsNoSurvey() {
    String c = newConversation();
    String s = openSession(c);
    JsonNode ended =
        api.post("/api/v1/sessions/" + s + "/end", ApiClient.CHANNEL, null).expect(200).json();

    assertThat(ended.get("endedBy").asText()).isEqualTo("END_USER");
    assertThat(ended.get("endReason").asText()).isEqualTo("END_USER_LEFT");
    assertThat(api.session(s).get("csat").get("status").asText()).isEqualTo("SKIPPED");
    ApiClient.await(
        Duration.ofSeconds(10),
        () ->
            "SOLVED"
                .equals(
                    api.get(
                            "/api/v1/tickets/" + api.session(s).get("ticketId").asText(),
                            ApiClient.ADMIN)
                        .json()
                        .path("status")
                        .asText()));
    assertThat(kinds(c)).containsExactly("END_USER", "SESSION_ENDED");
  }

  @Test
  void agentCanEndWithoutSurvey() {
    String c = newConversation();
    String s = openSession(c);
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, "{\"sendCsat\":false}")
        .expect(200);

    assertThat(api.session(s).get("csat").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(kinds(c)).doesNotContain("CSAT_INVITATION");
  }

  @Test
  void newMessageAfterTheEndOpensANewSessionAndTicket() {
    String c = newConversation();
    JsonNode first = api.endUserSays(c, "m-1", "Hi");
    api.post(
            "/api/v1/sessions/" + first.get("sessionId").asText() + "/end",
            ApiClient.AGENT_1,
            "{\"sendCsat\":false}")
        .expect(200);

    JsonNode next = api.endUserSays(c, "m-2", "Me again");

    assertThat(next.get("newSession").asBoolean()).isTrue();
    assertThat(next.get("sessionId")).isNotEqualTo(first.get("sessionId"));
    assertThat(next.get("ticketId")).isNotEqualTo(first.get("ticketId"));
    assertThat(kinds(c)).containsExactly("END_USER", "SESSION_ENDED", "END_USER");
  }

  @Test
  void unknownSessionIsNotFound() {
    api.post("/api/v1/sessions/nope/end", ApiClient.ADMIN, null).expectProblem(404, "not-found");
    api.get("/api/v1/sessions/nope", ApiClient.AGENT_1).expectProblem(404, "not-found");
    api.post(
            "/api/v1/sessions/nope/messages",
            ApiClient.AGENT_1,
            "{\"messageId\":\"a\",\"text\":\"hi\"}")
        .expectProblem(404, "not-found");
    api.get("/api/v1/tickets/999999", ApiClient.AGENT_1).expectProblem(404, "not-found");
  }

  @Test
  void rolesAreEnforced() {
    String s = openSession(newConversation());
    api.get("/api/v1/sessions/" + s, ApiClient.CHANNEL).expectProblem(403, "forbidden");
    api.get("/api/v1/sessions/" + s, null).expectProblem(401, "unauthorized");
    api.post(
            "/api/v1/sessions/" + s + "/messages",
            ApiClient.ADMIN,
            "{\"messageId\":\"a\",\"text\":\"hi\"}")
        .expectProblem(403, "forbidden");
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, "{\"reason\":\"not ok!\"}")
        .expectProblem(400, "validation");
  }

  @Test
  void listsSessionsByStatus() {
    String s = openSession(newConversation());
    JsonNode active =
        api.get("/api/v1/sessions?status=ACTIVE", ApiClient.AGENT_1).expect(200).json();
    assertThat(active.get("sessions").findValuesAsText("sessionId")).contains(s);

    api.post("/api/v1/sessions/" + s + "/end", ApiClient.ADMIN, null).expect(200);
    JsonNode ended = api.get("/api/v1/sessions?status=ENDED", ApiClient.AGENT_1).expect(200).json();
    assertThat(ended.get("sessions").findValuesAsText("sessionId")).contains(s);
    JsonNode stillActive =
        api.get("/api/v1/sessions?status=ACTIVE", ApiClient.AGENT_1).expect(200).json();
    assertThat(stillActive.get("sessions").findValuesAsText("sessionId")).doesNotContain(s);
    api.get("/api/v1/sessions?status=SLEEPING", ApiClient.AGENT_1).expectProblem(400, "validation");
  }
}
