package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Records the paths of {@link VersionMarkers#POISON_WAITS} and {@link
 * VersionMarkers#REFUSED_WRITE_WAITS} for the replay test.
 */
final class PoisonWaitsHistory {
  static final String NAME = "poison-waits";
  static final String REFUSED_WRITE = "refused-write-waits";

  private PoisonWaitsHistory() {}

  /** The settlement is refused for good: the session stalls, then ops retry it and it settles. */
  static void record(
      TestWorkflowEnvironment env, WorkflowClient client, Path dir, RecordingActivities activities)
      throws IOException {
    if (Files.exists(dir.resolve(NAME + ".json"))) {
      return;
    }
    activities.settleRefusalsLeft = 1;
    MessagingSession session =
        SessionTestEnvironment.open(
            client, NAME, MessagingSessionTest.TIMERS, SessionPolicy.defaults());
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    env.sleep(Duration.ofHours(1));
    session.retryStore();
    WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    activities.settleRefusalsLeft = 0;
    String json = client.fetchHistory(MessagingSession.workflowId(NAME)).toJson(true);
    Files.writeString(dir.resolve(NAME + ".json"), json);
  }

  /**
   * The store refuses the auto-close for good: the session stalls at once, ops retry, it closes.
   */
  static void recordRefusedWrite(
      TestWorkflowEnvironment env, WorkflowClient client, Path dir, RecordingActivities activities)
      throws IOException {
    if (Files.exists(dir.resolve(REFUSED_WRITE + ".json"))) {
      return;
    }
    activities.closeRefusalsLeft = 1;
    MessagingSession session =
        SessionTestEnvironment.open(
            client, REFUSED_WRITE, MessagingSessionTest.TIMERS, SessionPolicy.defaults());
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    env.sleep(Duration.ofMinutes(31));
    env.sleep(Duration.ofHours(1));
    session.retryStore();
    WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    activities.closeRefusalsLeft = 0;
    String json = client.fetchHistory(MessagingSession.workflowId(REFUSED_WRITE)).toJson(true);
    Files.writeString(dir.resolve(REFUSED_WRITE + ".json"), json);
  }
}
