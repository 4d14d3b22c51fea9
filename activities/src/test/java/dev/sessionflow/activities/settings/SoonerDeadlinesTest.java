package dev.sessionflow.activities.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoonerDeadlinesTest {
  private static final SessionTimers NOW = timers(60, 30, 5, "Still there?");

  private static SessionTimers timers(
      Integer inactive, Integer autoClose, Integer warnBefore, String warningText) {
    return new SessionTimers(
        minutes(inactive), minutes(autoClose), minutes(warnBefore), warningText, "Ended.");
  }

  private static Duration minutes(Integer m) {
    return m == null ? null : Duration.ofMinutes(m);
  }

  @Test
  void aShorterTimerOrOneTurnedOnIsPushed() {
    assertThat(SoonerDeadlines.sooner(NOW, timers(50, 30, 5, "Still there?"))).isTrue();
    assertThat(SoonerDeadlines.sooner(NOW, timers(60, 20, 5, "Still there?"))).isTrue();
    assertThat(SoonerDeadlines.sooner(NOW, timers(60, 30, 10, "Still there?")))
        .as("the warning 20 minutes after the reply instead of 25")
        .isTrue();
    assertThat(SoonerDeadlines.sooner(timers(60, null, null, ""), NOW)).isTrue();
    assertThat(SoonerDeadlines.sooner(timers(60, 30, null, ""), NOW)).isTrue();
  }

  @Test
  void laterDeadlinesAndTextsArePulled() {
    assertThat(SoonerDeadlines.sooner(NOW, timers(60, 30, 5, "Are you there?"))).isFalse();
    assertThat(SoonerDeadlines.sooner(NOW, timers(90, 45, 5, "Still there?"))).isFalse();
    assertThat(SoonerDeadlines.sooner(NOW, timers(60, null, null, "Still there?"))).isFalse();
    assertThat(SoonerDeadlines.sooner(NOW, timers(60, 30, null, "Still there?"))).isFalse();
    assertThat(SoonerDeadlines.sooner(NOW, timers(60, 40, 15, "Still there?")))
        .as("auto-close later, warning at the same 25 minutes")
        .isFalse();
  }
}
