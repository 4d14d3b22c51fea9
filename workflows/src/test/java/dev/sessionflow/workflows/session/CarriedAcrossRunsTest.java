package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.activities.SessionProgress;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a run knows but has not acted on yet when it continues as new goes with it: settings an
 * event named but the run has not fetched, and a read-model change the store has not taken.
 */
class CarriedAcrossRunsTest {
  static final SessionTimers NO_AUTO_CLOSE =
      new SessionTimers(Duration.ofMinutes(10), null, null, "", "Ended.");

  RecordingActivities activities;
  VersionedSettingsTest.StoredSettings stored;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    stored = new VersionedSettingsTest.StoredSettings();
    env = SessionTestEnvironment.start(activities, stored);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void newerSettingsNamedByTheMessageThatFillsTheRunAreAppliedInTheNextRun() {
    MessagingSession session = open("c1");
    String firstRun = WorkflowStub.fromTyped(session).getExecution().getRunId();
    for (int i = 1; i < MessagingSessionImpl.MESSAGES_PER_RUN; i++) {
      session.message(ChatMessage.fromEndUser("m" + i).withSettingsVersion(1));
    }
    // An admin saved version 2; its broadcast never came. The message that fills the run names it.
    stored.current = new SessionSettings(VersionedSettingsTest.FIVE_MINUTES, policy(), 2);
    session.message(ChatMessage.fromAgent("last", "agent-1").withSettingsVersion(2));
    env.sleep(Duration.ofSeconds(5));

    MessagingSession latest = latest("c1");
    assertThat(WorkflowStub.fromTyped(latest).getExecution().getRunId()).isNotEqualTo(firstRun);
    assertThat(latest.state().settingsVersion()).as("caught up in the next run").isEqualTo(2);
  }

  @Test
  void anAssigneeTheStoreHadNotTakenWhenTheRunContinuedIsRecordedInTheNextRun() {
    MessagingSession session = open("c2");
    session.message(ChatMessage.fromEndUser("m0"));
    env.sleep(Duration.ofMinutes(10).minusSeconds(10));
    // The store refuses every read-model write: INACTIVE is retried with a backoff.
    activities.refuseProgress = p -> true;
    env.sleep(Duration.ofSeconds(20));
    // A reply makes it ACTIVE again; the messages after it fill the run.
    for (int i = 1; i < MessagingSessionImpl.MESSAGES_PER_RUN; i++) {
      session.message(ChatMessage.fromEndUser("m" + i));
    }
    // INACTIVE goes through; ACTIVE, flushed before continuing as new, waits on the store.
    activities.refuseProgress = p -> p.status() == SessionStatus.ACTIVE;
    env.sleep(Duration.ofSeconds(15));
    // Meanwhile the first agent's reply assigns the session.
    session.message(ChatMessage.fromAgent("a1", "agent-1"));
    activities.refuseProgress = p -> false;
    env.sleep(Duration.ofMinutes(1));

    assertThat(activities.progress)
        .as("INACTIVE, then ACTIVE before continuing as new")
        .extracting(SessionProgress::status)
        .startsWith(SessionStatus.INACTIVE, SessionStatus.ACTIVE);
    assertThat(latest("c2").state().assignedAgentId()).isEqualTo("agent-1");
    assertThat(activities.progress)
        .as("the store hears of the assignee, from the next run")
        .last()
        .satisfies(p -> assertThat(p.assignedAgentId()).isEqualTo("agent-1"));
  }

  private MessagingSession latest(String id) {
    return client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(id));
  }

  private static SessionPolicy policy() {
    return SessionPolicy.defaults();
  }

  private MessagingSession open(String id) {
    SessionStart start =
        new SessionStart(
            id, "conv-" + id, "T-" + id, "u-1", "Ana", NO_AUTO_CLOSE, policy(), null, 1);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    return session;
  }
}
