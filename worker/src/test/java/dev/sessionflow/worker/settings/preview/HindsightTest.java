package dev.sessionflow.worker.settings.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.sessions.PastSessions;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HindsightTest {
  static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant NOW = T.plus(Duration.ofDays(1));
  static final SessionPolicy SURVEY_ALL =
      SessionPolicy.defaults().toBuilder().csatWhenEndedBy(Set.of(EndedBy.values())).build();

  static SessionTimers autoCloseAfter(Duration after) {
    return new SessionTimers(Duration.ofHours(2), after, null, "w", "e");
  }

  static PastSessions.Message endUser(int minute) {
    return new PastSessions.Message(false, T.plus(Duration.ofMinutes(minute)));
  }

  static PastSessions.Message agent(int minute) {
    return new PastSessions.Message(true, T.plus(Duration.ofMinutes(minute)));
  }

  static PastSessions.Session session(
      String endedBy, String reason, Integer endMinute, PastSessions.Message... messages) {
    return new PastSessions.Session(
        "s-1",
        "101",
        T,
        new ArrayList<>(List.of(messages)),
        endedBy,
        reason,
        null,
        endMinute == null ? null : T.plus(Duration.ofMinutes(endMinute)),
        "web");
  }

  @Test
  void aReplyAfterTheDeadlineWouldHaveFoundTheSessionClosed() {
    // The agent answered at 1, the end user came back 20 minutes later, the agent ended at 30.
    PastSessions.Session s = session("AGENT", null, 30, endUser(0), agent(1), endUser(21));

    Hindsight.Outcome now =
        Hindsight.replay(s, autoCloseAfter(Duration.ofMinutes(30)), SURVEY_ALL, NOW);
    Hindsight.Outcome sooner =
        Hindsight.replay(s, autoCloseAfter(Duration.ofMinutes(10)), SURVEY_ALL, NOW);

    assertThat(now.autoClosed()).isFalse();
    assertThat(now.endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(sooner.autoClosedAt()).isEqualTo(T.plus(Duration.ofMinutes(11)));
    assertThat(sooner.endedBy()).isEqualTo(EndedBy.SYSTEM);
  }

  @Test
  void anEndSomeoneAskedForStandsUnlessTheClockCameFirst() {
    PastSessions.Session s = session("AGENT", null, 40, endUser(0), agent(5));

    assertThat(Hindsight.replay(s, autoCloseAfter(Duration.ofHours(1)), SURVEY_ALL, NOW))
        .isEqualTo(new Hindsight.Outcome(null, EndedBy.AGENT, true));
    assertThat(
            Hindsight.replay(s, autoCloseAfter(Duration.ofMinutes(30)), SURVEY_ALL, NOW)
                .autoClosedAt())
        .isEqualTo(T.plus(Duration.ofMinutes(35)));
  }

  @Test
  void aSessionTheClockEndedRunsOnUntilTheNewDeadlineOrStaysOpenWithoutOne() {
    PastSessions.Session s = session("SYSTEM", SessionPolicy.INACTIVITY, 35, endUser(0), agent(5));

    assertThat(
            Hindsight.replay(s, autoCloseAfter(Duration.ofHours(3)), SURVEY_ALL, NOW)
                .autoClosedAt())
        .isEqualTo(T.plus(Duration.ofMinutes(185)));
    assertThat(Hindsight.replay(s, autoCloseAfter(null), SURVEY_ALL, NOW))
        .isEqualTo(new Hindsight.Outcome(null, null, false));
  }

  @Test
  void theSurveyFollowsThePolicyOfTheEndItWouldHaveHad() {
    PastSessions.Session s = session("AGENT", null, 40, endUser(0), agent(5));
    SessionPolicy twoMessages = SURVEY_ALL.toBuilder().csatMinEndUserMessages(2).build();
    SessionPolicy agentsOnly =
        SURVEY_ALL.toBuilder().csatWhenEndedBy(Set.of(EndedBy.AGENT)).build();

    assertThat(Hindsight.replay(s, autoCloseAfter(null), twoMessages, NOW).surveyed()).isFalse();
    assertThat(Hindsight.replay(s, autoCloseAfter(null), agentsOnly, NOW).surveyed()).isTrue();
    assertThat(
            Hindsight.replay(s, autoCloseAfter(Duration.ofMinutes(10)), agentsOnly, NOW).surveyed())
        .isFalse();
  }

  @Test
  void aSessionWaitingOnTheAgentNeverAutoCloses() {
    PastSessions.Session s = session(null, null, null, endUser(0), agent(5), endUser(6));

    assertThat(Hindsight.replay(s, autoCloseAfter(Duration.ofMinutes(1)), SURVEY_ALL, NOW))
        .isEqualTo(new Hindsight.Outcome(null, null, false));
  }
}
