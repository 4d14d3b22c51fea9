package dev.sessionflow.worker.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.activities.conversations.EndUserMessage;
import dev.sessionflow.activities.conversations.SessionCloses;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.worker.HistoryText;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.codec.PayloadKeys;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.reconciler.Reconciled;
import dev.sessionflow.workflows.reconciler.SessionReconciler;
import dev.sessionflow.workflows.session.Author;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crash left the store ENDED and the session unaware (the workflow task that closed it, and its
 * Update, were lost): no one asks again, and a reconciler pass settles it.
 */
class ReconcilerTest extends ApiTestBase {
  @Autowired ConversationStore conversations;
  @Autowired SessionCloses closes;
  @Autowired WorkflowClient client;
  @Autowired PayloadKeys keys;
  @Autowired dev.sessionflow.activities.datakeys.StoredDataKeys dataKeys;
  @Autowired JdbcClient jdbc;

  private Reconciled pass(String id) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder(ReconcilerSchedule.passOptions()).setWorkflowId(id).build();
    return client.newWorkflowStub(SessionReconciler.class, options).run();
  }

  @Test
  void aPassFinishesAnEndTheStoreHoldsButItsSessionNeverHeardOf() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "Hi").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Fixed it");
    assertThat(pendingStart(s)).as("started: the outbox row is gone").isZero();
    // Past the grace period: the pass asks only ends older than two minutes.
    Instant endedAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
    closes.close(
        new SessionClosing(
            s,
            c,
            1,
            "agent-1",
            new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", endedAt, true),
            "This session has ended.",
            0,
            null));

    Reconciled first = pass("reconciler-test-1");

    assertThat(first.asked()).isGreaterThanOrEqualTo(1);
    assertThat(first.stranded()).isZero();
    String ticketId = api.session(s).get("ticketId").asText();
    ApiClient.await(
        Duration.ofSeconds(10),
        () ->
            "SOLVED"
                .equals(
                    api.get("/api/v1/tickets/" + ticketId, ApiClient.AGENT_1)
                        .expect(200)
                        .json()
                        .get("status")
                        .asText()));
    ApiClient.await(
        Duration.ofSeconds(10),
        () -> "SENT".equals(api.session(s).path("csat").path("status").asText()));
    assertThat(Instant.parse(api.session(s).get("endedAt").asText())).isEqualTo(endedAt);

    Reconciled second = pass("reconciler-test-2");
    assertThat(second.unsettled()).as("nothing left to finish").isLessThan(first.unsettled());
    String scraped = api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body();
    assertThat(scraped)
        .contains("sessionflow_reconciler_passes_total")
        .contains("sessionflow_reconciler_asked_total")
        .contains("sessionflow_sessions_ended_unsettled " + second.unsettled());
  }

  private long pendingStart(String sessionId) {
    return jdbc.sql("select count(*) from session_starts where session_id = :id")
        .param("id", sessionId)
        .query(Long.class)
        .single();
  }

  @Test
  void aPassStartsASessionWhoseStartACrashCutShort() {
    // The store opened the session (and its ticket); the replica died before starting it.
    String c = newConversation();
    AcceptedMessage opened =
        conversations.acceptEndUserMessage(c, "m-1", "user-" + c, "End User", "Hi", "web-chat");
    String s = opened.sessionId();
    jdbc.sql("update session_starts set created_at = :at where session_id = :id")
        .param("at", java.time.OffsetDateTime.now().minusMinutes(5))
        .param("id", s)
        .update();
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, "{}")
        .expectProblem(409, "conflict");

    Reconciled pass = pass("reconciler-test-3");

    assertThat(pass.started()).isGreaterThanOrEqualTo(1);
    assertThat(pendingStart(s)).isZero();
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, "{}").expect(200);
    assertThat(api.session(s).get("status").asText()).isEqualTo("ENDED");
  }

  @Test
  void aSessionWhoseStartACrashCutShortStartsInItsOwnChannel() {
    String c = newConversation();
    AcceptedMessage opened =
        conversations.acceptEndUserMessage(
            new EndUserMessage(c, "m-1", "user-" + c, "Ana", "Hi", "bridge", null, "whatsapp"));
    String s = opened.sessionId();
    jdbc.sql("update session_starts set created_at = :at where session_id = :id")
        .param("at", java.time.OffsetDateTime.now().minusMinutes(5))
        .param("id", s)
        .update();

    pass("reconciler-test-channel");

    assertThat(pendingStart(s)).isZero();
    String input =
        HistoryText.decoded(
            client
                .fetchHistory(MessagingSession.workflowId(s))
                .getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getInput()
                .getPayloads(0),
            keys,
            dataKeys);
    assertThat(input).as("started from the store's record").contains("\"channel\":\"whatsapp\"");
  }

  private long pendingSignals(String sessionId) {
    return jdbc.sql("select count(*) from message_signals where session_id = :id")
        .param("id", sessionId)
        .query(Long.class)
        .single();
  }

  @Test
  void aPassSignalsAMessageTheStoreTookButItsSessionNeverHeardOf() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "Hi").get("sessionId").asText();
    ApiClient.await(Duration.ofSeconds(5), () -> pendingSignals(s) == 0);
    // The agent's reply is committed with its outbox row; the replica dies before the signal.
    var stored = conversations.acceptAgentMessage(s, "a-1", "agent-1", "Fixed it");
    assertThat(pendingSignals(s)).isEqualTo(1);
    jdbc.sql("update message_signals set created_at = :at where seq = :seq")
        .param("at", java.time.OffsetDateTime.now().minusMinutes(5))
        .param("seq", stored.sequence())
        .update();
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(s));
    assertThat(session.state().lastAuthor()).as("deaf to the reply").isEqualTo(Author.END_USER);

    Reconciled pass = pass("reconciler-test-4");

    assertThat(pass.redelivered()).isGreaterThanOrEqualTo(1);
    ApiClient.await(Duration.ofSeconds(10), () -> session.state().lastAuthor() == Author.AGENT);
    assertThat(session.state().messageCount()).isEqualTo(2);
    assertThat(pendingSignals(s)).as("its outbox row is done").isZero();
    // Signalled again by the next pass, or twice by a crash: the session counts it once.
    conversations.acceptAgentMessage(s, "a-1", "agent-1", "Fixed it");
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Fixed it");
    ApiClient.await(Duration.ofSeconds(5), () -> pendingSignals(s) == 0);
    assertThat(session.state().messageCount()).isEqualTo(2);
    assertThat(api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body())
        .containsPattern("sessionflow_reconciler_redelivered_total [1-9]");
  }
}
