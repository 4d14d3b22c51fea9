package dev.sessionflow.bench;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** The baseline of the auto-close: a workflow that only waits for a deadline. */
@WorkflowInterface
public interface BareTimer {

  /** Sleeps until {@code dueAtMillis}; answers how late it woke, in ms of workflow time. */
  @WorkflowMethod
  long run(long dueAtMillis);

  class Impl implements BareTimer {
    @Override
    public long run(long dueAtMillis) {
      Workflow.sleep(Duration.ofMillis(Math.max(1, dueAtMillis - Workflow.currentTimeMillis())));
      return Workflow.currentTimeMillis() - dueAtMillis;
    }
  }
}
