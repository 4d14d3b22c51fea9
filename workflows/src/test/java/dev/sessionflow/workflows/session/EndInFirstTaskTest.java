package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An end Update delivered in the session's first workflow task, with its first messages: the SDK
 * runs the Update's handler before the workflow method's first line (a real server does so too, see
 * {@code real-end-in-first-task}). The run must not take that end, still closing, for one carried
 * in unclosed from continue-as-new and close it a second time.
 */
class EndInFirstTaskTest {

  @Test
  void anEndHandledBeforeTheRunStartsClosesOnce() throws Exception {
    RecordingActivities activities = new RecordingActivities();
    try (TestWorkflowEnvironment env = SessionTestEnvironment.prepare(activities)) {
      WorkflowClient client = env.getWorkflowClient();
      MessagingSession session =
          SessionTestEnvironment.open(
              client, "first-task", MessagingSessionTest.TIMERS, SessionPolicy.defaults());
      session.message(ChatMessage.fromEndUser("m1").withSequence(1));
      session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
      CompletableFuture<EndResult> end =
          CompletableFuture.supplyAsync(
              () -> session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(2L)));
      Thread.sleep(1_000); // the Update waits on the server for the first workflow task
      env.start();

      assertThat(end.get(30, TimeUnit.SECONDS).endedBy()).isEqualTo(EndedBy.AGENT);
      SessionOutcome outcome = SessionTestEnvironment.outcome(session);

      assertThat(outcome.messageCount()).isEqualTo(2);
      assertThat(activities.closings).as("closed once").hasSize(1);
      assertThat(activities.settlements).hasSize(1);
    }
  }
}
