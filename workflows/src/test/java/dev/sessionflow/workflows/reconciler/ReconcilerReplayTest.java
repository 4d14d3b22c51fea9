package dev.sessionflow.workflows.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each branch of {@link SessionReconcilerImpl#REDELIVERS_MESSAGES} and {@link
 * SessionReconcilerImpl#WAKES_LANES} replays: {@code reconciler-pass-v0} was recorded by the code
 * before the first (a pass in flight during a rolling deploy), {@code reconciler-pass-v1} by the
 * code before the second, {@code reconciler-pass} by the current code. With {@code
 * -Dsessionflow.recordReconcilerHistory=NAME}, records a pass of the code under test as NAME.
 */
class ReconcilerReplayTest {
  static final Path DIR = Path.of("src/test/resources/histories");
  static final String BEFORE = "reconciler-pass-v0";
  static final String BEFORE_LANES = "reconciler-pass-v1";
  static final String AFTER = "reconciler-pass";

  @Test
  void bothBranchesReplay() throws Exception {
    String recording = System.getProperty("sessionflow.recordReconcilerHistory");
    if (recording != null) {
      record(recording);
      return;
    }
    for (String name : new String[] {BEFORE, BEFORE_LANES, AFTER}) {
      WorkflowReplayer.replayWorkflowExecution(history(name), SessionReconcilerImpl.class);
    }
    assertThat(read(BEFORE)).doesNotContain("RedeliverMessagesLeftBehind");
    assertThat(read(BEFORE_LANES)).contains("RedeliverMessagesLeftBehind");
    assertThat(read(BEFORE_LANES)).doesNotContain("WakeLanesLeftBehind");
    assertThat(read(AFTER)).contains("WakeLanesLeftBehind");
    String redelivers = encoded(SessionReconcilerImpl.REDELIVERS_MESSAGES);
    assertThat(read(BEFORE)).doesNotContain(redelivers);
    assertThat(read(BEFORE_LANES)).contains(redelivers);
    String wakes = encoded(SessionReconcilerImpl.WAKES_LANES);
    assertThat(read(BEFORE_LANES)).doesNotContain(wakes);
    assertThat(read(AFTER)).contains(redelivers).contains(wakes);
  }

  /** The change id as the marker's payload holds it (JSON, base64, its padding escaped). */
  private static String encoded(String marker) {
    return java.util.Base64.getEncoder()
        .withoutPadding()
        .encodeToString(("\"" + marker + "\"").getBytes());
  }

  private static void record(String name) throws IOException {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(SessionReconciler.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(SessionReconcilerImpl.class);
      worker.registerActivitiesImplementations(new FixedAnswers());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      SessionReconciler pass =
          client.newWorkflowStub(
              SessionReconciler.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(SessionReconciler.WORKFLOW_ID)
                  .setTaskQueue(SessionReconciler.TASK_QUEUE)
                  .build());
      pass.run();
      String json = client.fetchHistory(SessionReconciler.WORKFLOW_ID).toJson(true);
      Files.writeString(DIR.resolve(name + ".json"), json);
    }
  }

  private static WorkflowExecutionHistory history(String name) throws IOException {
    return WorkflowExecutionHistory.fromJson(read(name));
  }

  private static String read(String name) throws IOException {
    return Files.readString(DIR.resolve(name + ".json"));
  }

  /** A pass that found one of each. */
  static final class FixedAnswers implements ReconcilerActivities {
    @Override
    public Reconciled finishStrandedEnds() {
      return new Reconciled(1, 1, 0, 0);
    }

    @Override
    public int startSessionsLeftBehind() {
      return 1;
    }

    @Override
    public int redeliverMessagesLeftBehind() {
      return 1;
    }

    @Override
    public int wakeLanesLeftBehind() {
      return 1;
    }
  }
}
