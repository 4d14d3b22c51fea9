package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.activities.StoredMessage;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's end is the session's end ({@code store-decides-end}). The store is left as a crash
 * leaves it: an end committed whose workflow task (and Update) was lost, or a message stored whose
 * signal never came.
 */
class StoreDecidesEndTest {
  RecordingActivities activities;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    env = SessionTestEnvironment.start(activities);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private MessagingSession open(String id) {
    return SessionTestEnvironment.open(
        client, id, MessagingSessionTest.TIMERS, SessionPolicy.defaults());
  }

  /** The store holds the agent's end; the task that closed it was lost with its Update. */
  private SessionEnd lostAgentEnd(String id) {
    SessionEnd stored =
        new SessionEnd(
            EndedBy.AGENT,
            "agent-1",
            "RESOLVED",
            Instant.ofEpochMilli(env.currentTimeMillis()),
            true,
            null,
            "end-key-1");
    activities.heldEnds.put(RecordingActivities.heldKey(id, 0), stored);
    return stored;
  }

  @Test
  void anAutoCloseAdoptsTheEndTheStoreHoldsAndSettlesUnderIt() {
    MessagingSession session = open("sd1");
    session.message(ChatMessage.fromEndUser("m1").withSequence(1));
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
    SessionEnd stored = lostAgentEnd("sd1");

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(outcome.end().reason()).isEqualTo("RESOLVED");
    assertThat(outcome.end().endedAt()).isEqualTo(stored.endedAt());
    assertThat(outcome.csat()).as("the stored end wants a survey").isEqualTo(CsatStatus.SENT);
    assertThat(activities.surveys).singleElement();
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(s -> assertThat(s.end().endedBy()).isEqualTo(EndedBy.AGENT));
    assertThat(activities.closings).as("the store was not closed a second time").isEmpty();
  }

  @Test
  void anEndRequestAnswersTheEndTheStoreHolds() {
    MessagingSession session = open("sd2");
    session.message(ChatMessage.fromEndUser("m1").withSequence(1));
    SessionEnd stored = lostAgentEnd("sd2");

    // The API asks again for the stored end (the reconciler or a repeat of the request): the
    // session ends as the store holds it, at its stored time.
    EndResult result =
        session.end(
            new EndRequest(EndedBy.AGENT, "agent-1", "RESOLVED", null).withRequestId("end-key-1"));
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    assertThat(result.endedAt()).isEqualTo(stored.endedAt());
    assertThat(outcome.end().endedAt()).isEqualTo(stored.endedAt());
    assertThat(activities.settlements).singleElement();
  }

  @Test
  void anAutoCloseWaitsOnAMessageTheStoreHoldsButTheSessionMissed() {
    MessagingSession session = open("sd3");
    session.message(ChatMessage.fromEndUser("m1").withSequence(1));
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
    env.sleep(Duration.ofMinutes(20));
    // The end user answered; the store took it, its signal was lost.
    activities.unsignalled.put(
        "sd3",
        List.of(
            new StoredMessage(
                "m3", "END_USER", null, 3, Instant.ofEpochMilli(env.currentTimeMillis()))));

    env.sleep(Duration.ofMinutes(15)); // past the agent's 30-minute auto-close

    SessionView view = session.state();
    assertThat(activities.refusals).as("the store refused the auto-close").singleElement();
    assertThat(view.end()).as("no auto-close on an end user who wrote").isNull();
    assertThat(view.lastAuthor()).isEqualTo(Author.END_USER);
    assertThat(view.messageCount()).isEqualTo(3);
    assertThat(activities.closings).isEmpty();

    // The redelivered signal counts once; the session ends as usual.
    session.message(
        ChatMessage.fromEndUser("m3").stored(3, Instant.ofEpochMilli(env.currentTimeMillis())));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);
    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(outcome.messageCount()).isEqualTo(3);
  }
}
