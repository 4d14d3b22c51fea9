package dev.sessionflow.bench;

import static dev.sessionflow.bench.MarkdownReport.kinds;
import static dev.sessionflow.bench.MarkdownReport.row;
import static dev.sessionflow.bench.Report.f;

import java.util.List;

/** Section 4 of the Markdown report: open sessions waiting on timers, against bare timers. */
final class ScaleSection {
  private final Report r;
  private final StringBuilder md;

  ScaleSection(Report r, StringBuilder md) {
    this.r = r;
    this.md = md;
  }

  void append() {
    Stats late = r.scale.latenessSeconds();
    md.append("\n## 4. Scale: open sessions waiting on timers\n\n");
    md.append("| figure | value | target |\n|---|---|---|\n");
    md.append(row("open sessions", Integer.toString(r.scale.sessions()), ""));
    md.append(row("opening (end-user messages), s", f(r.scale.openSeconds()), ""));
    md.append(
        row(
            "agent replies, paced over "
                + r.params.deadlineSpread().toSeconds()
                + " s (the spread of deadlines), s",
            f(r.scale.replySeconds()),
            ""));
    md.append(row("service heap after GC, idle, MB", f(r.scale.heapIdleMb()), ""));
    md.append(
        row(
            "service heap after GC, all open, MB",
            f(r.scale.heapOpenMb()),
            Goal.HEAP_MB.verdict(r.scale.heapOpenMb())));
    md.append(row("per open session, KB", f(r.scale.kbPerSession()), ""));
    md.append(row("auto-closed", r.scale.closed() + " of " + r.scale.sessions(), ""));
    Stats own = r.scale.timerLatenessSeconds();
    md.append(
        row(
            "auto-close lateness after the workflow's deadline (sample of "
                + own.count()
                + (r.scale.unansweredQueries() > 0
                    ? ", " + r.scale.unansweredQueries() + " queries unanswered"
                    : "")
                + "), p50 / p99 / max, s",
            f(own.p50()) + " / " + f(own.p99()) + " / " + f(own.max()),
            within(own.p99() <= 1, "p99 <= 1")));
    md.append(
        row(
            "auto-close lateness after the agent's 202 (all), p50 / p99 / max, s",
            f(late.p50()) + " / " + f(late.p99()) + " / " + f(late.max()),
            ""));
    if (r.bareTimers != null) {
      md.append(
          row(
              "baseline: as many bare timers, due over "
                  + r.params.deadlineSpread().toSeconds()
                  + " s (started in "
                  + f(r.bareTimerStartSeconds)
                  + " s, before the first was due), lateness p50 / p99 / max, s",
              f(r.bareTimers.p50()) + " / " + f(r.bareTimers.p99()) + " / " + f(r.bareTimers.max()),
              ""));
      md.append(
          row(
              "auto-close lateness p99 ratio to bare timers",
              f(own.p99() / r.bareTimers.p99()),
              Goal.AUTO_CLOSE_LATENESS.verdict(own.p99() / r.bareTimers.p99())));
    }
    if (r.bareWarnedTimers != null) {
      Stats w = r.bareWarnedTimers;
      md.append(
          row(
              "baseline: as many bare timers that first wait "
                  + Scale.WARN_BEFORE.toSeconds()
                  + " s less (a warning's timer, as each session), lateness p50 / p99 / max, s",
              f(w.p50()) + " / " + f(w.p99()) + " / " + f(w.max()),
              ""));
      md.append(
          row(
              "auto-close lateness p99 ratio to bare timers that warn first",
              f(own.p99() / w.p99()),
              "what the server makes of two timers per session"));
    }
    latestRows();
    closesRow("closes per second in the store (each session's ended_at)", r.scale.closes());
    closesRow("session workflows completed per second (visibility)", r.scale.workflowCloses());
    closesRow("baseline: bare timer workflows completed per second", r.bareTimerCompletions);
    md.append(
        row(
            "closes per second, ratio to bare timers: best " + Rate.WINDOW + " s / busiest second",
            f(r.closesRatio(Rate::bestWindow)) + " / " + f(r.closesRatio(Rate::peak)),
            Goal.CLOSES_PER_SECOND.verdict(r.closesRatio(Rate::bestWindow))));
    if (!r.autoCloseActions.isEmpty()) {
      double ratio = r.autoCloseTotal() / r.bareAutoCloseTotal();
      md.append(
          row(
              "Temporal Cloud actions per auto-closed session (mean of "
                  + r.autoCloseActions.size()
                  + "): "
                  + kinds(Report.meanActions(r.autoCloseActions))
                  + "; a bare auto-close (mean of "
                  + r.bareAutoCloseActions.size()
                  + "): "
                  + kinds(Report.meanActions(r.bareAutoCloseActions)),
              f(r.autoCloseTotal())
                  + " vs "
                  + f(r.bareAutoCloseTotal())
                  + " (USD "
                  + f(Actions.usdPerMillionSessions(r.autoCloseTotal()))
                  + " per million), ratio "
                  + f(ratio)
                  + "; to a bare timer ("
                  + f(r.bareTimerTotal())
                  + "): "
                  + f(r.autoCloseTotal() / r.bareTimerTotal()),
              Goal.ACTIONS_PER_AUTO_CLOSE.verdict(ratio)));
    }
  }

  /** Where the latest auto-closes lost their time: a late timer, or a task waiting for a worker. */
  private void latestRows() {
    md.append(
        row(
            "auto-close lateness by due order, slices of 5 %, s",
            r.scale.latenessByDueOrder(), ""));
    List<LatenessTail.Session> latest = r.scale.latest();
    if (latest.isEmpty()) {
      return;
    }
    md.append(
        row(
            "the "
                + latest.size()
                + " latest auto-closes: timer fired after due, max s / closing task started after"
                + " its timer fired, median s / sessions with a task timed out of the sticky queue",
            f(latest.stream().mapToDouble(LatenessTail.Session::firedLateSeconds).max().orElse(0))
                + " / "
                + f(
                    Stats.median(
                        latest.stream()
                            .map(LatenessTail.Session::taskWaitSeconds)
                            .filter(w -> !w.isNaN())
                            .toList()))
                + " / "
                + latest.stream().filter(s -> s.stickyTimeouts() > 0).count(),
            ""));
  }

  private void closesRow(String what, Rate rate) {
    md.append(
        row(
            what + ": best " + Rate.WINDOW + " s / busiest second (count, over s)",
            f(rate.bestWindow())
                + " / "
                + f(rate.peak())
                + " ("
                + rate.total()
                + ", "
                + rate.seconds()
                + ")",
            ""));
  }

  /** A figure's own bound, beside the targets: not one of the benchmark's targets. */
  private static String within(boolean met, String bound) {
    return bound + (met ? ": met" : ": **missed**");
  }
}
