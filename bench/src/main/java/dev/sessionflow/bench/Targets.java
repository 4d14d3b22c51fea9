package dev.sessionflow.bench;

import static dev.sessionflow.bench.Report.f;

import dev.sessionflow.bench.Lifecycle.Variant;
import java.util.ArrayList;
import java.util.List;

/** Every target of the benchmark as a run measured it, in the order BENCHMARKS.md lists them. */
final class Targets {
  private static final double NOT_MEASURED = Double.NaN;

  private Targets() {}

  static List<Target> of(Report r) {
    List<Target> t = new ArrayList<>();
    lifecycle(r, t);
    double nan = NOT_MEASURED;
    Scale.Result scale = r.scale;
    t.add(
        Goal.HEAP_MB.measured(
            scale != null ? scale.heapOpenMb() : nan,
            scale != null ? scale.sessions() + " open" : ""));
    double ownP99 = scale != null ? scale.timerLatenessSeconds().p99() : nan;
    double bareP99 = r.bareTimers != null ? r.bareTimers.p99() : nan;
    t.add(
        Goal.AUTO_CLOSE_LATENESS.measured(
            ownP99 / bareP99,
            f(ownP99)
                + " s vs "
                + f(bareP99)
                + " s; vs bare timers that warn first (two timers each, as a session): "
                + f(ownP99 / r.warnedP99())));
    t.add(
        Goal.CLOSES_PER_SECOND.measured(
            r.closesRatio(Rate::bestWindow),
            scale != null
                ? f(scale.closes().bestWindow())
                    + " vs "
                    + f(r.bareTimerCompletions.bestWindow())
                    + " per s; busiest second "
                    + f(scale.closes().peak())
                    + " vs "
                    + f(r.bareTimerCompletions.peak())
                    + " (ratio "
                    + f(r.closesRatio(Rate::peak))
                    + ")"
                : ""));
    Broadcast.Result broadcast = r.broadcast;
    t.add(
        Goal.SETTINGS_CHANGE_MESSAGE_P99.measured(
            broadcast != null ? broadcast.ratio() : nan,
            broadcast != null
                ? "p99 "
                    + f(broadcast.duringMs().p99())
                    + " vs "
                    + f(broadcast.idleMs().p99())
                    + " ms; "
                    + broadcast.openSessions()
                    + " sessions held it after "
                    + f(broadcast.secondsToApplyAll())
                    + " s"
                : ""));
    boolean lc = r.lifecycleMeasured();
    double httpActions = lc ? r.totalActions(Variant.HTTP) : nan;
    double bareActions = lc ? r.totalActions(Variant.BASELINE) : nan;
    t.add(
        Goal.ACTIONS_PER_SESSION.measured(
            httpActions / bareActions, lc ? f(httpActions) + " vs " + f(bareActions) : ""));
    t.add(
        Goal.ACTIONS_PER_AUTO_CLOSE.measured(
            r.autoCloseTotal() / r.bareAutoCloseTotal(),
            f(r.autoCloseTotal())
                + " vs "
                + f(r.bareAutoCloseTotal())
                + "; a bare timer: "
                + f(r.bareTimerTotal())
                + " (ratio "
                + f(r.autoCloseTotal() / r.bareTimerTotal())
                + ")"));
    return t;
  }

  /** The lifecycle rounds' five targets (scenarios 1 to 3). */
  private static void lifecycle(Report r, List<Target> t) {
    boolean lc = r.lifecycleMeasured();
    double nan = NOT_MEASURED;
    double base = lc ? r.median(Variant.BASELINE) : nan;
    t.add(
        Goal.LIFECYCLE_HTTP.measured(
            lc ? r.median(Variant.HTTP) / base : nan,
            lc
                ? "HTTP " + f(r.median(Variant.HTTP)) + " vs " + f(base) + " sessions/s (medians)"
                : ""));
    t.add(
        Goal.LIFECYCLE_CLIENT.measured(
            lc ? r.median(Variant.CLIENT) / base : nan,
            lc ? f(r.median(Variant.CLIENT)) + " sessions/s" : ""));
    double endP99 = lc ? r.p99(Variant.BASELINE) : nan;
    t.add(
        Goal.AGENT_END_P99.measured(
            lc ? r.p99(Variant.HTTP) / endP99 : nan,
            lc
                ? "p99 "
                    + f(r.p99(Variant.HTTP))
                    + " vs "
                    + f(endP99)
                    + " ms; client path "
                    + f(r.p99(Variant.CLIENT) / endP99)
                : ""));
    double sendP99 = lc ? r.sendP99(Variant.BASELINE) : nan;
    t.add(
        Goal.MESSAGE_P99.measured(
            lc ? r.sendP99(Variant.HTTP) / sendP99 : nan,
            lc ? "p99 " + f(r.sendP99(Variant.HTTP)) + " vs " + f(sendP99) + " ms" : ""));
    t.add(
        Goal.EVENTS_PER_MESSAGE.measured(
            lc ? r.perMessage(Variant.HTTP) : nan,
            lc ? "baseline " + f(r.perMessage(Variant.BASELINE)) : ""));
  }
}
