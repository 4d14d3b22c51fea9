package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.workflows.codec.EncryptedDataConverter;
import dev.sessionflow.workflows.codec.PayloadKeys;
import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.ReplayResults;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recorded histories under encryption: every plain one recorded before it replays on a worker
 * that decrypts (old payloads pass through, so an upgrade strands no running session), and a
 * history recorded with every payload encrypted replays there and nowhere else.
 */
class EncryptedHistoriesTest {
  static final String ENCRYPTED = "encrypted-agent-end";

  private static TestWorkflowEnvironment encrypted() {
    TestEnvironmentOptions.Builder options =
        TestEnvironmentOptions.newBuilder()
            .setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder()
                    .setDataConverter(EncryptedDataConverter.of(PayloadKeys.development()))
                    .build());
    SessionSearchAttributes.ALL.forEach(
        key ->
            options.registerSearchAttribute(
                key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return TestWorkflowEnvironment.newInstance(options.build());
  }

  private static WorkflowExecutionHistory history(String name) throws Exception {
    return WorkflowExecutionHistory.fromJson(SessionHistoryReplayTest.read(name));
  }

  @Test
  void everyPlainRecordedHistoryReplaysOnAWorkerThatDecrypts() throws Exception {
    List<String> names = SessionHistoryReplayTest.recordedHistories().toList();
    List<WorkflowExecutionHistory> histories = new java.util.ArrayList<>();
    for (String name : names) {
      histories.add(history(name));
    }
    try (TestWorkflowEnvironment env = encrypted()) {
      Worker worker = env.newWorker("replay");
      worker.registerWorkflowImplementationTypes(MessagingSessionImpl.class);

      ReplayResults results = WorkflowReplayer.replayWorkflowExecutions(histories, false, worker);

      assertThat(results.allErrors()).extracting(e -> e.workflowId + ": " + e.exception).isEmpty();
      assertThat(names).hasSizeGreaterThan(SessionHistoryReplayTest.HISTORIES.size());
    }
  }

  @Test
  void theEncryptedHistoryReplaysWithTheKeyAndNotWithout() throws Exception {
    String json = SessionHistoryReplayTest.read(ENCRYPTED);
    // "binary/encrypted" in base64 (the JSON writes its padding escaped)
    assertThat(json).contains("YmluYXJ5L2VuY3J5cHRlZA");
    try (TestWorkflowEnvironment env = encrypted()) {
      WorkflowReplayer.replayWorkflowExecution(history(ENCRYPTED), env, MessagingSessionImpl.class);
    }
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history(ENCRYPTED), MessagingSessionImpl.class))
        .isInstanceOf(Exception.class);
  }

  /** Records {@link #ENCRYPTED} with -Dsessionflow.recordHistories=true. */
  @Test
  void recordsTheEncryptedHistoryWhenAsked() throws Exception {
    if (System.getProperty("sessionflow.recordHistories") == null) {
      assertThat(SessionHistoryReplayTest.read(ENCRYPTED)).contains("MessagingSession");
      return;
    }
    RecordingActivities activities = new RecordingActivities();
    try (TestWorkflowEnvironment env = encrypted()) {
      Worker worker = env.newWorker(MessagingSession.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(MessagingSessionImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      MessagingSession session =
          SessionTestEnvironment.open(
              client, ENCRYPTED, MessagingSessionTest.TIMERS, SessionPolicy.defaults());
      session.message(ChatMessage.fromEndUser("m1"));
      session.message(ChatMessage.fromAgent("a1", "agent-1"));
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
      Files.writeString(
          Path.of("src/test/resources/histories").resolve(ENCRYPTED + ".json"),
          client.fetchHistory(MessagingSession.workflowId(ENCRYPTED)).toJson(true));
    }
  }
}
