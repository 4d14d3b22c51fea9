package dev.sessionflow.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Scenario 4's baselines: as many bare timers as sessions, due within the same span; and as many
 * that first wait for a warning, as each session does ({@link Scale#WARN_BEFORE} before its close).
 */
final class TimerBaseline {
  private final WorkflowClient client;

  TimerBaseline(WorkflowClient client) {
    this.client = client;
  }

  private String sampleId;
  private Rate completions = Rate.of(List.of());

  /**
   * When the timer workflows completed, by the second (after {@link #latenessSeconds}): the
   * baseline of closes per second.
   */
  Rate completions() {
    return completions;
  }

  /** The Temporal Cloud actions of one bare timer workflow (after {@link #latenessSeconds}). */
  java.util.Map<String, Integer> actions() {
    return Actions.count(client.fetchHistory(sampleId).getHistory());
  }

  private double startSeconds;

  /** How long starting the timers took (after {@link #latenessSeconds}): less than their lead. */
  double startSeconds() {
    return startSeconds;
  }

  /**
   * Starts the timers, the i-th due {@code after} plus i/n of {@code spread} from now: the same
   * spread of deadlines as the sessions', whatever the time their starts take.
   *
   * @param warnBefore the warning's lead on each deadline, or zero for none
   */
  Stats latenessSeconds(
      int timers, Duration after, Duration spread, Duration warnBefore, int concurrency)
      throws Exception {
    String[] ids = new String[timers];
    String tag = Long.toString(System.currentTimeMillis());
    long begin = System.currentTimeMillis();
    long firstDue = begin + after.toMillis();
    Parallel.run(
        timers,
        concurrency,
        i -> {
          ids[i] = "bare-timer-" + tag + "-" + i;
          BareTimer timer =
              client.newWorkflowStub(
                  BareTimer.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(ids[i])
                      .setTaskQueue(BareSession.TASK_QUEUE)
                      .build());
          long due = firstDue + spread.toMillis() * i / timers;
          WorkflowClient.start(
              timer::run, due, warnBefore.isZero() ? 0 : due - warnBefore.toMillis());
        });
    startSeconds = (System.currentTimeMillis() - begin) / 1000.0;
    if (startSeconds * 1000 > after.minus(warnBefore).toMillis()) {
      throw new IllegalStateException(
          "starting "
              + timers
              + " bare timers took "
              + startSeconds
              + " s, past the first one's deadline: their spread would not be the sessions'");
    }
    ConcurrentLinkedQueue<Double> late = new ConcurrentLinkedQueue<>();
    Parallel.run(
        timers,
        concurrency,
        i -> late.add(client.newUntypedWorkflowStub(ids[i]).getResult(Long.class) / 1000.0));
    sampleId = ids[0];
    // After every result: reading the close times costs the timers nothing.
    completions =
        Rate.of(
            Visibility.closeTimes(
                client, "BareTimer", java.util.Set.of(ids), Duration.ofSeconds(60)));
    return Stats.of(List.copyOf(late));
  }
}
