package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.hours.OpenHours;
import dev.sessionflow.workflows.hours.OpenPeriod;
import dev.sessionflow.workflows.hours.Schedules;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Timers that count business hours, on the time-skipping server: a Friday-afternoon quiet across
 * the start of summer time in Lisbon (Sunday 2027-03-28), a holiday, and hours changed while the
 * session runs.
 */
class BusinessHoursSessionTest {
  /** Friday 2027-03-26, 16:50 in Lisbon (still UTC+0): ten open minutes left that day. */
  static final Instant FRIDAY_1650 = Instant.parse("2027-03-26T16:50:00Z");

  RecordingActivities activities = new RecordingActivities();
  VersionedSettingsTest.StoredSettings stored = new VersionedSettingsTest.StoredSettings();
  TestWorkflowEnvironment env = SessionTestEnvironment.startAt(FRIDAY_1650, activities, stored);
  WorkflowClient client = env.getWorkflowClient();

  @AfterEach
  void tearDown() {
    env.close();
  }

  static SessionTimers thirtyOpenMinutes(OpenHours hours) {
    return new SessionTimers(
        Duration.ofMinutes(20),
        Duration.ofMinutes(30),
        Duration.ofMinutes(10),
        "Still there?",
        "Ended.",
        hours);
  }

  MessagingSession agentWroteAtFriday1650(String id, SessionTimers timers) {
    SessionStart start =
        new SessionStart(
            id, "conv-" + id, "T-" + id, "u-1", "Ana", timers, SessionPolicy.defaults(), null, 1);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    session.message(ChatMessage.fromEndUser("m1").stored(1, FRIDAY_1650.minusSeconds(30)));
    session.message(ChatMessage.fromAgent("m2", "agent-1").stored(2, FRIDAY_1650));
    return session;
  }

  void sleepUntil(String instant) {
    env.sleep(Duration.ofMillis(Instant.parse(instant).toEpochMilli() - env.currentTimeMillis()));
  }

  @Test
  void aFridayQuietClosesOnMondayAt0920LisbonTimeAfterTheClocksWentForward() {
    MessagingSession session =
        agentWroteAtFriday1650("bh-dst", thirtyOpenMinutes(Schedules.nineToFive("Europe/Lisbon")));

    sleepUntil("2027-03-29T07:59:00Z"); // Monday 08:59 in Lisbon, now UTC+1
    assertThat(session.state().status())
        .as("twenty open minutes: ten on Friday, ten from Monday's opening")
        .isEqualTo(SessionStatus.ACTIVE);
    sleepUntil("2027-03-29T08:05:00Z");
    assertThat(session.state().status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(activities.systemMessages).as("no warning before 09:10").isEmpty();
    sleepUntil("2027-03-29T08:11:00Z");
    assertThat(session.state().status()).isEqualTo(SessionStatus.INACTIVE);
    assertThat(activities.systemMessages)
        .singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo("INACTIVITY_WARNING"));

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);
    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.SYSTEM);
    assertThat(outcome.end().reason()).isEqualTo(SessionPolicy.INACTIVITY);
    assertThat(outcome.end().endedAt())
        .isBetween(Instant.parse("2027-03-29T08:20:00Z"), Instant.parse("2027-03-29T08:20:02Z"));
  }

  @Test
  void aHolidayMondayMovesTheCloseToTuesday() {
    MessagingSession session =
        agentWroteAtFriday1650(
            "bh-holiday", thirtyOpenMinutes(Schedules.nineToFive("Europe/Lisbon", "2027-03-29")));

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    assertThat(outcome.end().endedAt())
        .isBetween(Instant.parse("2027-03-30T08:20:00Z"), Instant.parse("2027-03-30T08:20:02Z"));
  }

  @Test
  void longerHoursSavedWhileTheSessionWaitsBringItsCloseForward() {
    MessagingSession session =
        agentWroteAtFriday1650(
            "bh-change", thirtyOpenMinutes(Schedules.nineToFive("Europe/Lisbon")));
    sleepUntil("2027-03-26T17:05:00Z"); // closed: the timer waits for Monday

    OpenHours untilEight =
        Schedules.hours(
            "Europe/Lisbon", List.of(new OpenPeriod(Schedules.WEEKDAYS, "09:00", "20:00")));
    session.settingsChanged(
        new SessionSettings(thirtyOpenMinutes(untilEight), SessionPolicy.defaults(), 2));

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);
    assertThat(outcome.end().endedAt())
        .as("the new hours are open until 20:00: thirty minutes after 16:50")
        .isBetween(Instant.parse("2027-03-26T17:20:00Z"), Instant.parse("2027-03-26T17:20:02Z"));
  }

  @Test
  void calendarTimersAreUnchangedWithoutBusinessHours() {
    MessagingSession session = agentWroteAtFriday1650("bh-none", thirtyOpenMinutes(null));

    SessionOutcome outcome = SessionTestEnvironment.outcome(session);

    assertThat(outcome.end().endedAt())
        .isBetween(Instant.parse("2027-03-26T17:20:00Z"), Instant.parse("2027-03-26T17:20:02Z"));
  }
}
