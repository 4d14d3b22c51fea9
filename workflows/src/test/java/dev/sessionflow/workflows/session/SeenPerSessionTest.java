package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An end counts every message its session had in the store, whatever order signals come in. */
class SeenPerSessionTest {
  RecordingActivities activities;
  TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    env = SessionTestEnvironment.start(activities);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void anEndWaitsForAnEarlierMessageWhoseSignalComesAfterALaterOne() {
    // A survey only after two end-user messages.
    SessionPolicy twoMessages =
        new SessionPolicy(
            Set.of(EndedBy.AGENT),
            Duration.ofDays(14),
            "SOLVED",
            false,
            2,
            null,
            5,
            Map.of(),
            List.of(),
            null);
    MessagingSession session =
        SessionTestEnvironment.open(
            env.getWorkflowClient(), "sp1", MessagingSessionTest.TIMERS, twoMessages);
    session.message(ChatMessage.fromEndUser("m1").withSequence(5));
    // The end user's second message is stored as 6, the agent's reply as 7; the reply's signal
    // overtakes the end user's. The agent, who saw both, ends: sequence 7 is seen, 6 is not.
    session.message(ChatMessage.fromAgent("a1", "agent-1").withSequence(7));
    WorkflowUpdateHandle<EndResult> end =
        WorkflowStub.fromTyped(session)
            .startUpdate(
                "end",
                WorkflowUpdateStage.ACCEPTED,
                EndResult.class,
                new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(7L).afterMessages(3));
    session.message(ChatMessage.fromEndUser("m2").withSequence(6));

    assertThat(end.getResult().endedBy()).isEqualTo(EndedBy.AGENT);
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);
    assertThat(outcome.csat()).as("two end-user messages counted").isEqualTo(CsatStatus.SENT);
    assertThat(outcome.messageCount()).isEqualTo(3);
  }

  @Test
  void anOlderMessageWhoseSignalComesLateDoesNotMakeItsAuthorTheLastToWrite() {
    MessagingSession session =
        SessionTestEnvironment.open(
            env.getWorkflowClient(), "sp2", MessagingSessionTest.TIMERS, SessionPolicy.defaults());
    session.message(ChatMessage.fromEndUser("m1").withSequence(5));
    // The end user wrote again (6), the agent replied (7), and the reply's signal came first: the
    // agent wrote last, and the session waits on the end user.
    session.message(ChatMessage.fromAgent("a1", "agent-1").withSequence(7));
    session.message(ChatMessage.fromEndUser("m2").withSequence(6));

    assertThat(session.state().lastAuthor()).isEqualTo(Author.AGENT);
    env.sleep(MessagingSessionTest.TIMERS.autoCloseAfter().plusMinutes(1));
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);
    assertThat(outcome.end().endedBy()).as("auto-closed on the end user").isEqualTo(EndedBy.SYSTEM);
    assertThat(outcome.messageCount()).isEqualTo(3);
  }
}
