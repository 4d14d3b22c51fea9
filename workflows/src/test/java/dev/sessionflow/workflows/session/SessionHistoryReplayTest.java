package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories of each kind of session against the current implementation: a change
 * to the workflow's commands that is not guarded by {@code Workflow.getVersion} fails here.
 *
 * <p>Histories live in {@code src/test/resources/histories}. To record them again (only when a
 * guarded change adds a new path worth keeping), run with {@code -Dsessionflow.recordHistories}.
 */
class SessionHistoryReplayTest {
  static final List<String> HISTORIES =
      List.of("agent-end", "end-user-end", "auto-close", "inactive-then-active");

  /** Histories of the first version (before {@code durable-end}): running sessions of old code. */
  static final List<String> V0_HISTORIES =
      List.of("agent-end-v0", "end-user-end-v0", "auto-close-v0", "inactive-then-active-v0");

  static java.util.stream.Stream<String> recordedHistories() {
    return java.util.stream.Stream.concat(HISTORIES.stream(), V0_HISTORIES.stream());
  }

  @ParameterizedTest
  @MethodSource("recordedHistories")
  void replaysRecordedHistory(String name) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(name));
    WorkflowReplayer.replayWorkflowExecution(history, MessagingSessionImpl.class);
  }

  @Test
  void recordsHistoriesWhenAsked() throws IOException {
    if (System.getProperty("sessionflow.recordHistories") == null) {
      assertThat(HISTORIES).allSatisfy(name -> assertThat(read(name)).contains("MessagingSession"));
      // The v0 histories predate the durable-end version marker; the current ones record it.
      assertThat(V0_HISTORIES)
          .allSatisfy(name -> assertThat(read(name)).doesNotContain("\"markerName\": \"Version\""));
      assertThat(read("agent-end")).contains("\"markerName\": \"Version\"");
      return;
    }
    try (TestWorkflowEnvironment env = SessionTestEnvironment.start(new RecordingActivities())) {
      WorkflowClient client = env.getWorkflowClient();
      Path dir = Path.of("src/test/resources/histories");
      Files.createDirectories(dir);

      MessagingSession agentEnd = open(client, "agent-end");
      agentEnd.message(ChatMessage.fromEndUser("m1"));
      agentEnd.message(ChatMessage.fromAgent("m2", "agent-1"));
      agentEnd.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      save(client, dir, "agent-end", agentEnd);

      MessagingSession userEnd = open(client, "end-user-end");
      userEnd.message(ChatMessage.fromEndUser("m1"));
      userEnd.end(new EndRequest(EndedBy.END_USER, null, "LEFT", null));
      save(client, dir, "end-user-end", userEnd);

      MessagingSession autoClose = open(client, "auto-close");
      autoClose.message(ChatMessage.fromEndUser("m1"));
      autoClose.message(ChatMessage.fromAgent("m2", "agent-2"));
      save(client, dir, "auto-close", autoClose);

      MessagingSession inactive = open(client, "inactive-then-active");
      inactive.message(ChatMessage.fromEndUser("m1"));
      env.sleep(Duration.ofMinutes(11));
      inactive.message(ChatMessage.fromAgent("m2", "agent-1"));
      env.sleep(Duration.ofSeconds(1));
      inactive.end(new EndRequest(EndedBy.ADMIN, null, "SPAM", false));
      save(client, dir, "inactive-then-active", inactive);
    }
  }

  private static MessagingSession open(WorkflowClient client, String id) {
    SessionStart start =
        new SessionStart(
            id,
            "conv-" + id,
            "T-" + id,
            "u-1",
            "Ana",
            MessagingSessionTest.TIMERS,
            SessionPolicy.defaults(),
            null);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    return session;
  }

  private static void save(WorkflowClient client, Path dir, String name, MessagingSession session)
      throws IOException {
    WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    String json = client.fetchHistory(MessagingSession.workflowId(name)).toJson(true);
    Files.writeString(dir.resolve(name + ".json"), json);
  }

  private static String read(String name) throws IOException {
    try (InputStream in =
        SessionHistoryReplayTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      assertThat(in).as("recorded history " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
