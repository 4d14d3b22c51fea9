package dev.sessionflow.bench;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * The baseline of the auto-close: a workflow that only waits for a deadline, and, when asked, first
 * for a warning's (two timers, as a session that warns before it closes).
 */
@WorkflowInterface
public interface BareTimer {

  /**
   * Sleeps until {@code warnAtMillis} (if above 0), then until {@code dueAtMillis}; answers how
   * late it woke the last time, in ms of workflow time.
   */
  @WorkflowMethod
  long run(long dueAtMillis, long warnAtMillis);

  class Impl implements BareTimer {
    @Override
    public long run(long dueAtMillis, long warnAtMillis) {
      if (warnAtMillis > 0) {
        sleepUntil(warnAtMillis);
      }
      sleepUntil(dueAtMillis);
      return Workflow.currentTimeMillis() - dueAtMillis;
    }

    private static void sleepUntil(long millis) {
      Workflow.sleep(Duration.ofMillis(Math.max(1, millis - Workflow.currentTimeMillis())));
    }
  }
}
