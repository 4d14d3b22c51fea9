package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.automation.InMemoryTicket;
import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * "Before" histories that reach their marker's call site, for markers whose older histories never
 * did: each script runs the path of the marker's "after" history while {@link MarkerProbe} holds
 * the marker at its branch before the change, as a session of older code took it. Saved as {@code
 * before-<changeId>}; each runs only if its file is missing, in an environment of its own.
 */
final class BeforeHistories {
  interface Script {
    /** Runs the path to its end; answers the run to save. */
    WorkflowExecution run(TestWorkflowEnvironment env, WorkflowClient client, Tools tools)
        throws Exception;
  }

  /** The doubles a script may set up. */
  record Tools(RecordingActivities activities, VersionedSettingsTest.StoredSettings settings) {}

  static String name(VersionMarkers marker) {
    return "before-" + marker.changeId;
  }

  private BeforeHistories() {}

  static void recordAll(Path dir) throws Exception {
    record(dir, VersionMarkers.TICKET_AUTOMATION, BeforeHistories::macroEscalation);
    record(dir, VersionMarkers.CARRIED_END, BeforeHistories::continueAsNew);
    record(dir, VersionMarkers.END_AFTER_SEEN, BeforeHistories::endAfterSeen);
    record(dir, VersionMarkers.BOUNDED_STORE_RETRY, BeforeHistories::storeOutage);
    record(dir, VersionMarkers.VERSIONED_SETTINGS, BeforeHistories::versionedSettings);
    record(dir, VersionMarkers.STORED_MESSAGE_TIME, BeforeHistories::storedMessageTime);
    record(dir, VersionMarkers.SEEN_PER_SESSION, BeforeHistories::seenPerSession);
    record(dir, VersionMarkers.POISON_WAITS, BeforeHistories::settlementRefused);
    record(dir, VersionMarkers.REFUSED_WRITE_WAITS, BeforeHistories::closeRefused);
    record(dir, VersionMarkers.INACTIVE_CHECKS_SETTINGS, BeforeHistories::inactiveByTheClock);
  }

  private static void record(Path dir, VersionMarkers marker, Script script) throws Exception {
    Path file = dir.resolve(name(marker) + ".json");
    if (Files.exists(file)) {
      return;
    }
    RecordingActivities activities = new RecordingActivities();
    VersionedSettingsTest.StoredSettings settings = new VersionedSettingsTest.StoredSettings();
    MarkerProbe probe = new MarkerProbe(Set.of(marker.changeId));
    try (TestWorkflowEnvironment env =
        SessionTestEnvironment.startIntercepted(
            probe,
            false,
            activities,
            settings,
            new InMemoryTicket("T-" + name(marker), "tier-1"))) {
      WorkflowClient client = env.getWorkflowClient();
      WorkflowExecution run = script.run(env, client, new Tools(activities, settings));
      if (!probe.asked.containsKey(marker.changeId)) {
        throw new IllegalStateException(name(marker) + " never reached its marker");
      }
      Files.writeString(
          file, client.fetchHistory(run.getWorkflowId(), run.getRunId()).toJson(true));
    }
  }

  private static MessagingSession open(WorkflowClient client, VersionMarkers marker) {
    return SessionTestEnvironment.open(
        client, name(marker), MessagingSessionTest.TIMERS, SessionPolicy.defaults());
  }

  private static WorkflowExecution done(MessagingSession session) {
    WorkflowStub stub = WorkflowStub.fromTyped(session);
    stub.getResult(SessionOutcome.class);
    return stub.getExecution();
  }

  private static WorkflowExecution macroEscalation(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    MessagingSession session = open(client, VersionMarkers.TICKET_AUTOMATION);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    session.end(
        new EndRequest(
            EndedBy.AGENT,
            "agent-1",
            "ESCALATED",
            false,
            new AutomationSource(AutomationSource.Kind.MACRO, "7", "Escalate to Tier 2"),
            "run-1/2"));
    return done(session);
  }

  /** The first run only: it decides to continue as new (the next run has no marker to ask). */
  private static WorkflowExecution continueAsNew(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    String id = name(VersionMarkers.CARRIED_END);
    SessionStart start =
        new SessionStart(
            id,
            "conv-" + id,
            "T-" + id,
            "u-1",
            "Ana",
            MessagingSessionTest.TIMERS,
            SessionPolicy.defaults(),
            null,
            0,
            3,
            null);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    WorkflowExecution firstRun = WorkflowStub.fromTyped(session).getExecution();
    for (int i = 1; i <= 5; i++) {
      session.message(ChatMessage.fromEndUser("m" + i).withSequence(i));
    }
    env.sleep(Duration.ofSeconds(1));
    MessagingSession latest =
        client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(id));
    latest.state(); // the next run answers: the first has continued as new
    latest.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    WorkflowStub.fromTyped(latest).getResult(SessionOutcome.class);
    return firstRun;
  }

  private static WorkflowExecution endAfterSeen(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    MessagingSession session = open(client, VersionMarkers.END_AFTER_SEEN);
    session.message(ChatMessage.fromEndUser("m1").withSequence(41));
    var end =
        WorkflowStub.fromTyped(session)
            .startUpdate(
                "end",
                WorkflowUpdateStage.ACCEPTED,
                EndResult.class,
                new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(42L));
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(42));
    end.getResult();
    return done(session);
  }

  private static WorkflowExecution storeOutage(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    tools.activities().closeFailuresLeft = 3;
    MessagingSession session = open(client, VersionMarkers.BOUNDED_STORE_RETRY);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    return done(session);
  }

  private static WorkflowExecution versionedSettings(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    String id = name(VersionMarkers.VERSIONED_SETTINGS);
    SessionStart start =
        new SessionStart(
            id,
            "conv-" + id,
            "T-" + id,
            "u-1",
            "Ana",
            MessagingSessionTest.TIMERS,
            SessionPolicy.defaults(),
            null,
            1);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    session.message(ChatMessage.fromEndUser("m1").withSettingsVersion(1));
    env.sleep(Duration.ofSeconds(1));
    SessionPolicy policy = SessionPolicy.defaults();
    session.settingsChanged(new SessionSettings(VersionedSettingsTest.SIXTY_MINUTES, policy, 3));
    session.settingsChanged(new SessionSettings(VersionedSettingsTest.FIVE_MINUTES, policy, 2));
    env.sleep(Duration.ofSeconds(1));
    tools.settings().current = new SessionSettings(VersionedSettingsTest.FIVE_MINUTES, policy, 4);
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSettingsVersion(4));
    return done(session);
  }

  private static WorkflowExecution storedMessageTime(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    MessagingSession session = open(client, VersionMarkers.STORED_MESSAGE_TIME);
    Instant storedAt = Instant.ofEpochMilli(env.currentTimeMillis());
    session.message(ChatMessage.fromEndUser("m1").stored(1, storedAt));
    session.message(ChatMessage.fromAgent("m2", "agent-2").stored(2, storedAt));
    return done(session);
  }

  /** Before the change, the refused settlement fails the whole session. */
  private static WorkflowExecution settlementRefused(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    tools.activities().settleRefusalsLeft = 1;
    MessagingSession session = open(client, VersionMarkers.POISON_WAITS);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    WorkflowStub stub = WorkflowStub.fromTyped(session);
    try {
      stub.getResult(SessionOutcome.class);
      throw new IllegalStateException("the session was to fail on its refused settlement");
    } catch (io.temporal.client.WorkflowFailedException failed) {
      return stub.getExecution();
    }
  }

  /** Before the change, a refused close is tried again after a second, and goes through. */
  private static WorkflowExecution closeRefused(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    tools.activities().closeRefusalsLeft = 2;
    MessagingSession session = open(client, VersionMarkers.REFUSED_WRITE_WAITS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    return done(session);
  }

  /** Before the change, the clock makes the session INACTIVE without reading the settings. */
  private static WorkflowExecution inactiveByTheClock(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    MessagingSession session = open(client, VersionMarkers.INACTIVE_CHECKS_SETTINGS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    return done(session);
  }

  private static WorkflowExecution seenPerSession(
      TestWorkflowEnvironment env, WorkflowClient client, Tools tools) {
    MessagingSession session = open(client, VersionMarkers.SEEN_PER_SESSION);
    session.message(ChatMessage.fromEndUser("m1").withSequence(5));
    session.message(ChatMessage.fromAgent("a1", "agent-1").withSequence(7));
    WorkflowStub.fromTyped(session)
        .startUpdate(
            "end",
            WorkflowUpdateStage.ACCEPTED,
            EndResult.class,
            new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(7L).afterMessages(3));
    session.message(ChatMessage.fromEndUser("m2").withSequence(6));
    return done(session);
  }
}
