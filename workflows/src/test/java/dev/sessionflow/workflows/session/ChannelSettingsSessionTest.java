package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settings per channel on the time-skipping server: a session runs with its channel's settings,
 * takes its channel's part of a change, and a channel with no overrides follows the account's.
 */
class ChannelSettingsSessionTest {
  static final SessionTimers HALF_AN_HOUR = timers(Duration.ofMinutes(30), "Bye from the web");
  static final SessionTimers A_DAY = timers(Duration.ofHours(24), "Bye from WhatsApp");

  RecordingActivities activities = new RecordingActivities();
  TestWorkflowEnvironment env = SessionTestEnvironment.start(activities);
  WorkflowClient client = env.getWorkflowClient();

  @AfterEach
  void tearDown() {
    env.close();
  }

  static SessionTimers timers(Duration autoClose, String ended) {
    return new SessionTimers(Duration.ofMinutes(10), autoClose, null, "", ended);
  }

  static SessionSettings settings(long version, SessionTimers whatsapp) {
    return new SessionSettings(
        HALF_AN_HOUR,
        SessionPolicy.defaults(),
        version,
        Map.of("whatsapp", new ChannelSettings(whatsapp, SessionPolicy.defaults())));
  }

  /** A session of {@code channel} started as the service starts one: with its channel's part. */
  MessagingSession open(String id, String channel) {
    SessionSettings own = settings(1, A_DAY).forChannel(channel);
    SessionStart start =
        new SessionStart(
                id, "conv-" + id, "T-" + id, "u-1", "Ana", own.timers(), own.policy(), null, 1)
            .inChannel(channel);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    return session;
  }

  long closedAfter(MessagingSession session, long agentWroteAt) {
    return SessionTestEnvironment.outcome(session).end().endedAt().toEpochMilli() - agentWroteAt;
  }

  @Test
  void aWhatsAppSessionWaitsItsChannelsDayAndAWebSessionTheAccountsHalfHour() {
    MessagingSession whatsapp = open("ch-wa", "whatsapp");
    MessagingSession web = open("ch-web", "web");
    long wrote = env.currentTimeMillis();

    assertThat(closedAfter(web, wrote))
        .isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(31).toMillis());
    assertThat(closedAfter(whatsapp, wrote))
        .isBetween(
            Duration.ofHours(24).minusMinutes(1).toMillis(),
            Duration.ofHours(24).plusMinutes(1).toMillis());
    assertThat(activities.closings)
        .extracting(SessionClosingText::of)
        .containsExactlyInAnyOrder("Bye from the web", "Bye from WhatsApp");
  }

  @Test
  void aChangeOfTheChannelsOverrideReachesItsRunningSessionsOnly() {
    MessagingSession whatsapp = open("ch-wa2", "whatsapp");
    MessagingSession web = open("ch-web2", "web");
    long wrote = env.currentTimeMillis();
    env.sleep(Duration.ofMinutes(5));

    // Saved: WhatsApp now auto-closes after an hour; the account's half hour is unchanged.
    SessionSettings change = settings(2, timers(Duration.ofHours(1), "Bye from WhatsApp"));
    whatsapp.settingsChanged(change);
    web.settingsChanged(change);

    assertThat(closedAfter(web, wrote))
        .isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(31).toMillis());
    assertThat(closedAfter(whatsapp, wrote))
        .isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofMinutes(61).toMillis());
  }

  @Test
  void aSessionFromBeforeChannelsRunsWithTheAccountsSettings() {
    SessionStart start =
        new SessionStart(
            "ch-old", "conv-old", "T-old", "u-1", "Ana", A_DAY, SessionPolicy.defaults(), null, 1);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    long wrote = env.currentTimeMillis();

    session.settingsChanged(settings(2, A_DAY));

    assertThat(closedAfter(session, wrote))
        .isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(31).toMillis());
  }

  /** The ended notice a closing carries. */
  static final class SessionClosingText {
    static String of(dev.sessionflow.workflows.activities.SessionClosing c) {
      return c.endedNoticeText();
    }
  }
}
