package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings versions: stale broadcasts, missed broadcasts, on the time-skipping test server. */
class VersionedSettingsTest {
  static final SessionTimers THIRTY_MINUTES = MessagingSessionTest.TIMERS;
  static final SessionTimers FIVE_MINUTES =
      new SessionTimers(Duration.ofMinutes(10), Duration.ofMinutes(5), null, "", "Bye");
  static final SessionTimers SIXTY_MINUTES =
      new SessionTimers(Duration.ofMinutes(10), Duration.ofMinutes(60), null, "", "Later");

  /** The settings the store holds now, as the settings activity answers them. */
  static final class StoredSettings implements SettingsActivities {
    volatile SessionSettings current;
    volatile boolean down;
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public SessionSettings currentSettings() {
      reads.incrementAndGet();
      if (down) {
        throw new IllegalStateException("database unavailable");
      }
      return current;
    }
  }

  RecordingActivities activities;
  StoredSettings stored;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    stored = new StoredSettings();
    env = SessionTestEnvironment.start(activities, stored);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void theClockMakesASessionInactiveOnlyUnderTheCurrentSettings() {
    MessagingSession session = open("v-inactive", THIRTY_MINUTES, SessionPolicy.defaults(), 1);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    // Saved after the session started: a longer inactivity (pulled, never pushed), no auto-close.
    SessionTimers longer = new SessionTimers(Duration.ofMinutes(40), null, null, "", "Bye");
    stored.current = new SessionSettings(longer, SessionPolicy.defaults(), 2);

    env.sleep(Duration.ofMinutes(11)); // past the old 10 minutes
    assertThat(session.state().status())
        .as("still ACTIVE: the current settings say 40 minutes")
        .isEqualTo(SessionStatus.ACTIVE);
    assertThat(session.state().settingsVersion()).isEqualTo(2);

    env.sleep(Duration.ofMinutes(30)); // past 40 minutes
    assertThat(session.state().status()).isEqualTo(SessionStatus.INACTIVE);
    assertThat(session.state().end()).as("auto-close is off in version 2").isNull();
  }

  @Test
  void aLateStaleBroadcastDoesNotUndoANewerOne() {
    MessagingSession session = open("v1", THIRTY_MINUTES, SessionPolicy.defaults(), 1);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    long agentWroteAt = env.currentTimeMillis();

    // Version 3 arrives first; the broadcast of version 2 was slower and arrives after it.
    session.settingsChanged(new SessionSettings(FIVE_MINUTES, SessionPolicy.defaults(), 3));
    session.settingsChanged(new SessionSettings(SIXTY_MINUTES, SessionPolicy.defaults(), 2));
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    // agentWroteAt is read after the Update returns, so it can trail the workflow's clock by a
    // millisecond or more: the lower bound leaves a second for it.
    long closedAfter = outcome.end().endedAt().toEpochMilli() - agentWroteAt;
    assertThat(closedAfter)
        .as("closed under version 3's five minutes")
        .isBetween(
            Duration.ofMinutes(5).minusSeconds(1).toMillis(), Duration.ofMinutes(6).toMillis());
    assertThat(activities.closings)
        .singleElement()
        .satisfies(c -> assertThat(c.endedNoticeText()).isEqualTo("Bye"));
  }

  @Test
  void aSessionThatMissedTheBroadcastAppliesTheNewSettingsAtItsNextMessage() {
    MessagingSession session = open("v2", THIRTY_MINUTES, SessionPolicy.defaults(), 1);
    session.message(ChatMessage.fromEndUser("m1").withSettingsVersion(1));
    env.sleep(Duration.ofSeconds(1));
    assertThat(stored.reads).as("a message at the held version fetches nothing").hasValue(0);

    // An admin saved version 2; its broadcast never reached this session.
    stored.current = new SessionSettings(FIVE_MINUTES, SessionPolicy.defaults(), 2);
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSettingsVersion(2));
    long agentWroteAt = env.currentTimeMillis();
    env.sleep(Duration.ofSeconds(1));
    assertThat(session.state().settingsVersion()).isEqualTo(2);
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    long closedAfter = outcome.end().endedAt().toEpochMilli() - agentWroteAt;
    assertThat(closedAfter)
        .as("closed under version 2's five minutes, not the thirty it started with")
        .isBetween(
            Duration.ofMinutes(5).minusSeconds(1).toMillis(), Duration.ofMinutes(6).toMillis());
    assertThat(stored.reads).hasValue(1);
    // The broadcast that finally arrives changes nothing: the session holds that version.
    assertThat(activities.closings)
        .singleElement()
        .satisfies(c -> assertThat(c.endedNoticeText()).isEqualTo("Bye"));
  }

  @Test
  void anEndThatNamesNewerSettingsDecidesUnderThem() {
    MessagingSession session = open("v3", THIRTY_MINUTES, SessionPolicy.defaults(), 4);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    // Version 5: surveys only when an admin ends; the session missed its broadcast.
    stored.current =
        new SessionSettings(
            THIRTY_MINUTES,
            new SessionPolicy(
                Set.of(EndedBy.ADMIN),
                Duration.ofDays(14),
                "SOLVED",
                false,
                0,
                null,
                5,
                Map.of(),
                List.of(),
                null),
            5);

    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).knowingSettings(5));
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    assertThat(outcome.csat()).isEqualTo(CsatStatus.SKIPPED);
    assertThat(activities.surveys).isEmpty();
  }

  @Test
  void theStoreBeingDownLeavesTheHeldSettingsInPlace() {
    stored.current = null; // answers nothing newer
    MessagingSession session = open("v4", FIVE_MINUTES, SessionPolicy.defaults(), 1);
    session.message(ChatMessage.fromAgent("m1", "agent-1").withSettingsVersion(2));
    long agentWroteAt = env.currentTimeMillis();
    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    long closedAfter = outcome.end().endedAt().toEpochMilli() - agentWroteAt;
    assertThat(closedAfter)
        .isBetween(
            Duration.ofMinutes(5).minusSeconds(1).toMillis(), Duration.ofMinutes(6).toMillis());
    assertThat(stored.reads).as("asked once, not in a loop").hasValue(1);
  }

  @Test
  void anAutoCloseWaitsOnSettingsThatMovedItLaterWithoutABroadcast() {
    MessagingSession session = open("v5", FIVE_MINUTES, SessionPolicy.defaults(), 1);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    long agentWroteAt = env.currentTimeMillis();
    // An admin lengthened the auto-close: no deadline is sooner, so nothing is broadcast.
    stored.current = new SessionSettings(SIXTY_MINUTES, SessionPolicy.defaults(), 2);
    activities.settingsVersion = 2;

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    long closedAfter = outcome.end().endedAt().toEpochMilli() - agentWroteAt;
    assertThat(closedAfter)
        .as("closed under version 2's sixty minutes, not the five it started with")
        .isBetween(
            Duration.ofMinutes(60).minusSeconds(1).toMillis(), Duration.ofMinutes(61).toMillis());
    assertThat(activities.refusedForSettings).hasSize(1);
    assertThat(activities.closings)
        .singleElement()
        .satisfies(c -> assertThat(c.endedNoticeText()).isEqualTo("Later"));
    assertThat(activities.settlements).hasSize(1);
    // Once when the store refused the auto-close, once before the clock made it INACTIVE.
    assertThat(stored.reads).hasValue(2);
  }

  @Test
  void aWarningDecidedUnderOlderSettingsGoesOutWithTheNewerText() {
    SessionTimers warnOld =
        new SessionTimers(
            Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(1), "old", "Bye");
    SessionTimers warnNew =
        new SessionTimers(
            Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofMinutes(1), "new", "Bye");
    MessagingSession session = open("v6", warnOld, SessionPolicy.defaults(), 1);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    long agentWroteAt = env.currentTimeMillis();
    stored.current = new SessionSettings(warnNew, SessionPolicy.defaults(), 2);
    activities.settingsVersion = 2;

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    assertThat(activities.systemMessages)
        .singleElement()
        .satisfies(w -> assertThat(w.text()).isEqualTo("new"));
    assertThat(activities.refusedForSettings).as("the warning, then nothing").hasSize(1);
    long closedAfter = outcome.end().endedAt().toEpochMilli() - agentWroteAt;
    assertThat(closedAfter)
        .isBetween(
            Duration.ofMinutes(5).minusSeconds(1).toMillis(), Duration.ofMinutes(6).toMillis());
    assertThat(stored.reads).hasValue(1);
  }

  @Test
  void newerSettingsTheSessionCannotReadDoNotHoldItsAutoCloseForEver() {
    MessagingSession session = open("v7", FIVE_MINUTES, SessionPolicy.defaults(), 1);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    long agentWroteAt = env.currentTimeMillis();
    stored.down = true;
    activities.settingsVersion = 2;

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    long closedAfter = outcome.end().endedAt().toEpochMilli() - agentWroteAt;
    assertThat(closedAfter)
        .as("refused once, then closed under the held settings")
        .isBetween(
            Duration.ofMinutes(5).minusSeconds(1).toMillis(), Duration.ofMinutes(6).toMillis());
    assertThat(activities.refusedForSettings).hasSize(1);
    assertThat(activities.settlements).hasSize(1);
  }

  private MessagingSession open(
      String id, SessionTimers timers, SessionPolicy policy, long settingsVersion) {
    SessionStart start =
        new SessionStart(
            id, "conv-" + id, "T-" + id, "u-1", "Ana", timers, policy, null, settingsVersion);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    return session;
  }
}
