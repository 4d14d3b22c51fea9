package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Records the paths of {@link VersionMarkers#PULLED_SETTINGS} and {@link
 * VersionMarkers#INACTIVE_CHECKS_SETTINGS} for the replay test.
 */
final class PulledSettingsHistories {
  static final String NAME = "pulled-settings";
  static final String INACTIVE = "inactive-checks-settings";

  private PulledSettingsHistories() {}

  /**
   * A session that holds version 1 while the store holds newer settings, never broadcast: its
   * warning is refused and goes out with version 2's text; its auto-close is refused and comes at
   * version 3's later deadline, after a second warning.
   */
  static void record(
      TestWorkflowEnvironment env,
      WorkflowClient client,
      Path dir,
      RecordingActivities activities,
      VersionedSettingsTest.StoredSettings settings)
      throws IOException {
    if (Files.exists(dir.resolve(NAME + ".json"))) {
      return;
    }
    SessionTimers v1 = MessagingSessionTest.TIMERS;
    SessionTimers v2 =
        new SessionTimers(
            v1.inactiveAfter(), v1.autoCloseAfter(), v1.warnBeforeClose(), "Still here?", "Bye");
    SessionTimers v3 =
        new SessionTimers(
            v1.inactiveAfter(), Duration.ofMinutes(40), v1.warnBeforeClose(), "Still here?", "Bye");
    SessionStart start =
        new SessionStart(
            NAME, "conv-" + NAME, "T-" + NAME, "u-1", "Ana", v1, SessionPolicy.defaults(), null, 1);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    Instant at = Instant.ofEpochMilli(env.currentTimeMillis());
    session.message(ChatMessage.fromEndUser("m1").stored(1, at).withSettingsVersion(1));
    session.message(ChatMessage.fromAgent("m2", "agent-1").stored(2, at).withSettingsVersion(1));
    try {
      settings.current = new SessionSettings(v2, SessionPolicy.defaults(), 2);
      activities.settingsVersion = 2;
      env.sleep(Duration.ofMinutes(29)); // past the warning at 28 minutes
      settings.current = new SessionSettings(v3, SessionPolicy.defaults(), 3);
      activities.settingsVersion = 3;
      WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    } finally {
      settings.current = null;
      activities.settingsVersion = 0;
    }
    String json = client.fetchHistory(MessagingSession.workflowId(NAME)).toJson(true);
    Files.writeString(dir.resolve(NAME + ".json"), json);
  }

  /**
   * A session that holds version 1 (inactive after 10 minutes) while the store holds version 2 (40
   * minutes, no auto-close): at 10 minutes it reads them and stays ACTIVE, goes INACTIVE at 40, and
   * an agent ends it.
   */
  static void recordInactive(
      TestWorkflowEnvironment env,
      WorkflowClient client,
      Path dir,
      VersionedSettingsTest.StoredSettings settings)
      throws IOException {
    if (Files.exists(dir.resolve(INACTIVE + ".json"))) {
      return;
    }
    MessagingSession session =
        SessionTestEnvironment.open(
            client, INACTIVE, MessagingSessionTest.TIMERS, SessionPolicy.defaults());
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    try {
      SessionTimers longer = new SessionTimers(Duration.ofMinutes(40), null, null, "", "Bye");
      settings.current = new SessionSettings(longer, SessionPolicy.defaults(), 2);
      env.sleep(Duration.ofMinutes(41));
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    } finally {
      settings.current = null;
    }
    String json = client.fetchHistory(MessagingSession.workflowId(INACTIVE)).toJson(true);
    Files.writeString(dir.resolve(INACTIVE + ".json"), json);
  }
}
