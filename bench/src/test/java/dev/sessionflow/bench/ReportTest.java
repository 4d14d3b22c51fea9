package dev.sessionflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scale scenario's ratios and targets as the report computes them from what was measured. */
class ReportTest {

  private static final Map<String, Integer> AUTO_CLOSED = Map.of("total", 13);
  private static final Map<String, Integer> BARE_AUTO_CLOSE = Map.of("total", 7);
  private static final Map<String, Integer> BARE_TIMER = Map.of("total", 2);

  /** {@code perSecond[s]} events in second {@code s}. */
  private static Rate rate(int... perSecond) {
    List<Instant> times = new ArrayList<>();
    for (int s = 0; s < perSecond.length; s++) {
      for (int k = 0; k < perSecond[s]; k++) {
        times.add(Instant.ofEpochSecond(1_700_000_000L + s, k));
      }
    }
    return Rate.of(times);
  }

  private static Scale.Result scale(int sessions, int closed, Rate closes) {
    Stats lateness = Stats.of(List.of(1.0, 2.0));
    return new Scale.Result(
        sessions, 1, 1, 40, 60, closed, lateness, lateness, 0, closes, closes, "", List.of());
  }

  private static Report report(Scale.Result scale, Rate timers) {
    Report report = new Report(Params.SMALL, Path.of("unused"));
    report.scale(scale);
    report.bareTimers(Stats.of(List.of(1.0, 4.0)));
    report.bareTimerCompletions(timers);
    report.bareTimerActions(BARE_TIMER);
    report.autoCloseActions(List.of(AUTO_CLOSED));
    report.bareAutoCloseActions(List.of(BARE_AUTO_CLOSE, BARE_AUTO_CLOSE));
    return report;
  }

  private static Target target(Report report, String startingWith) {
    return report.targets().stream()
        .filter(t -> t.figure().startsWith(startingWith))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void closesPerSecondAreComparedOnTheBusiestWindowAndTheBusiestSecond() {
    // sessions: 5 a second for 10 s after a spike of 12; bare timers: 10 a second for 10 s, 20 once
    Rate sessions = rate(12, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
    Rate timers = rate(20, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10);
    Report report = report(scale(62, 62, sessions), timers);

    assertThat(report.closesRatio(Rate::peak)).isEqualTo(12.0 / 20);
    assertThat(report.closesRatio(Rate::bestWindow)).isEqualTo(5.7 / 11.0, within());
    Target closes = target(report, "closes per second");
    assertThat(closes.ratio()).isEqualTo(5.7 / 11.0, within());
    assertThat(closes.verdict()).isEqualTo("**missed**");
    assertThat(closes.figures()).contains("5.70 vs 11.00 per s", "busiest second 12.00 vs 20.00");
  }

  @Test
  void aSessionClosingAsFastAsBareTimersMeetsTheTarget() {
    Rate same = rate(3, 9, 9, 9, 2);
    Target closes = target(report(scale(32, 32, same), same), "closes per second");

    assertThat(closes.ratio()).isEqualTo(1.0);
    assertThat(closes.verdict()).isEqualTo("met");
  }

  @Test
  void theAutoClosedSessionsActionsAreComparedWithTheBareAutoCloseAndTheBareTimerBeside() {
    Target actions =
        target(report(scale(1, 1, rate(1)), rate(1)), "Temporal Cloud actions per auto-closed");

    assertThat(actions.ratio()).isEqualTo(13.0 / 7);
    assertThat(actions.verdict()).isEqualTo("**missed**");
    assertThat(actions.figures()).isEqualTo("13.00 vs 7.00; a bare timer: 2.00 (ratio 6.50)");
  }

  @Test
  void theLatenessIsComparedWithBareTimersAndBesideThemWithBareTimersThatWarnFirst() {
    Report report = report(scale(2, 2, rate(2)), rate(2));
    report.bareWarnedTimers(Stats.of(List.of(1.0, 8.0)));

    Target lateness = target(report, "auto-close lateness p99");
    // the sessions' p99 2 s; bare timers 4 s, bare timers that warn first 8 s
    assertThat(lateness.ratio()).isEqualTo(0.5);
    assertThat(lateness.verdict()).isEqualTo("met");
    assertThat(lateness.figures())
        .isEqualTo(
            "2.00 s vs 4.00 s; vs bare timers that warn first (two timers each, as a session): 0.25");
  }

  @Test
  void whatARunDidNotMeasureIsNotMeasuredNotMissed() {
    Report report = new Report(Params.SMALL, Path.of("unused"));

    assertThat(report.targets())
        .hasSize(11)
        .allSatisfy(t -> assertThat(t.verdict()).isEqualTo("not measured"));
  }

  @Test
  void aSettingsChangeIsJudgedByTheMessageP99DuringItAgainstJustBefore() {
    Report report = new Report(Params.SMALL, Path.of("unused"));
    report.settingsBroadcast(
        new Broadcast.Result(
            200,
            1.5,
            Stats.of(java.util.List.of(10.0, 20.0)),
            Stats.of(java.util.List.of(30.0, 50.0))));

    assertThat(report.targets())
        .filteredOn(t -> t.figure().contains("settings change"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.ratio()).isEqualTo(2.5);
              assertThat(t.verdict()).isEqualTo("**missed**");
              assertThat(t.figures()).contains("200 sessions held it after 1.50 s");
            });
  }

  @Test
  void aRunInWhichASessionNeverClosedOrNoCloseWasTimedIsIncomplete() {
    assertThatThrownBy(() -> report(scale(10, 9, rate(9)), rate(10)).requireComplete(false))
        .hasMessageContaining("1 sessions never auto-closed");
    assertThatThrownBy(() -> report(scale(10, 10, rate(10)), rate()).requireComplete(false))
        .hasMessageContaining("no closes per second");

    report(scale(10, 10, rate(10)), rate(10)).requireComplete(false);
  }

  @Test
  void theSectionsJudgeEachFigureByTheSameGoalAsTheTargetsTable() {
    Report report = report(scale(2, 2, rate(2)), rate(2));
    String markdown = new MarkdownReport(report).render();

    // the sessions' lateness p99 2 s against bare timers' 4 s: 0.5, under 1.3
    assertThat(Goal.AUTO_CLOSE_LATENESS.target()).isEqualTo("<= 1.30");
    assertThat(markdown)
        .contains(
            "## 4. Scale", "| auto-close lateness p99 ratio to bare timers | 0.50 | <= 1.30: met |")
        .contains("| " + Goal.AUTO_CLOSE_LATENESS.figure + " | <= 1.30 | 0.50 | met |")
        .doesNotContain("## 1. Lifecycle");
    @SuppressWarnings("unchecked")
    Map<String, Object> scale = (Map<String, Object>) new JsonReport(report).figures().get("scale");
    assertThat(scale).containsEntry("openSessions", 2).containsKey("closesPerSecond");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
