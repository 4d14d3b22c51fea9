package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.StoredMessage;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records the paths of {@link VersionMarkers#STORE_DECIDES_END} for the replay test. */
final class StoreDecidesEndHistories {
  static final String AUTO_CLOSE = "store-decides-end-auto-close";
  static final String REQUESTED = "store-decides-end-requested";
  static final String SEEN_PER_SESSION = "seen-per-session";
  static final String NEWEST_AUTHOR = "newest-author";

  private StoreDecidesEndHistories() {}

  static void record(
      TestWorkflowEnvironment env, WorkflowClient client, Path dir, RecordingActivities activities)
      throws IOException {
    if (!Files.exists(dir.resolve(AUTO_CLOSE + ".json"))) {
      // An auto-close the store refuses for a message whose signal was lost, then one that adopts
      // the agent's end the store holds from a lost workflow task: survey and settlement follow it.
      MessagingSession session = open(client, AUTO_CLOSE);
      Instant at = Instant.ofEpochMilli(env.currentTimeMillis());
      session.message(ChatMessage.fromEndUser("m1").stored(1, at));
      session.message(ChatMessage.fromAgent("m2", "agent-1").stored(2, at));
      env.sleep(Duration.ofMinutes(20));
      Instant lost = Instant.ofEpochMilli(env.currentTimeMillis());
      activities.unsignalled.put(
          AUTO_CLOSE, List.of(new StoredMessage("m3", "END_USER", null, 3, lost)));
      env.sleep(Duration.ofMinutes(15));
      session.message(
          ChatMessage.fromAgent("m4", "agent-1")
              .stored(4, Instant.ofEpochMilli(env.currentTimeMillis())));
      activities.heldEnds.put(
          RecordingActivities.heldKey(AUTO_CLOSE, 0),
          new SessionEnd(
              EndedBy.AGENT,
              "agent-1",
              "RESOLVED",
              Instant.ofEpochMilli(env.currentTimeMillis()),
              true,
              null,
              "end-lost"));
      save(client, dir, AUTO_CLOSE, session);
    }
    if (!Files.exists(dir.resolve(REQUESTED + ".json"))) {
      // An agent's end in the task that accepts it: the store answers the end it now holds.
      MessagingSession session = open(client, REQUESTED);
      Instant at = Instant.ofEpochMilli(env.currentTimeMillis());
      session.message(ChatMessage.fromEndUser("m1").stored(1, at));
      session.message(ChatMessage.fromAgent("m2", "agent-1").stored(2, at));
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(2L));
      save(client, dir, REQUESTED, session);
    }
  }

  /** An end that waits for an earlier message whose signal came after a later one's. */
  static void recordSeenPerSession(WorkflowClient client, Path dir) throws IOException {
    if (Files.exists(dir.resolve(SEEN_PER_SESSION + ".json"))) {
      return;
    }
    MessagingSession session = open(client, SEEN_PER_SESSION);
    session.message(ChatMessage.fromEndUser("m1").withSequence(5));
    session.message(ChatMessage.fromAgent("a1", "agent-1").withSequence(7));
    WorkflowStub.fromTyped(session)
        .startUpdate(
            "end",
            io.temporal.client.WorkflowUpdateStage.ACCEPTED,
            EndResult.class,
            new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(7L).afterMessages(3));
    session.message(ChatMessage.fromEndUser("m2").withSequence(6));
    save(client, dir, SEEN_PER_SESSION, session);
  }

  /** An agent's reply whose signal overtakes the end user's message before it: it auto-closes. */
  static void recordNewestAuthor(WorkflowClient client, Path dir) throws IOException {
    if (Files.exists(dir.resolve(NEWEST_AUTHOR + ".json"))) {
      return;
    }
    MessagingSession session = open(client, NEWEST_AUTHOR);
    session.message(ChatMessage.fromEndUser("m1").withSequence(5));
    session.message(ChatMessage.fromAgent("a1", "agent-1").withSequence(7));
    session.message(ChatMessage.fromEndUser("m2").withSequence(6));
    save(client, dir, NEWEST_AUTHOR, session);
  }

  private static MessagingSession open(WorkflowClient client, String id) {
    return SessionTestEnvironment.open(
        client, id, MessagingSessionTest.TIMERS, SessionPolicy.defaults());
  }

  private static void save(WorkflowClient client, Path dir, String name, MessagingSession session)
      throws IOException {
    WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    String json = client.fetchHistory(MessagingSession.workflowId(name)).toJson(true);
    Files.writeString(dir.resolve(name + ".json"), json);
  }
}
