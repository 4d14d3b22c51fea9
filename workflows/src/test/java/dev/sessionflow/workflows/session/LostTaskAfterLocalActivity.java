package dev.sessionflow.workflows.session;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails a workflow task after one of its local activities ran, as a replica lost between a store
 * write and the task's completion would: the write happened, Temporal never recorded it, and the
 * task's next attempt replays without it and runs the local activity again. Armed per case with a
 * budget of such losses; never on replay (the failed attempt's retry must be able to pass).
 */
final class LostTaskAfterLocalActivity extends WorkerInterceptorBase {
  private final AtomicInteger budget = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private volatile Random random = new Random(0);
  private volatile int oneIn = 1;

  /** From now on, up to {@code losses} tasks fail, each local activity with a 1 in {@code n}. */
  void arm(Random random, int losses, int oneIn) {
    this.random = random;
    this.oneIn = oneIn;
    budget.set(losses);
  }

  boolean armed() {
    return budget.get() > 0;
  }

  void disarm() {
    budget.set(0);
  }

  /** How many workflow tasks failed so far after their local activity ran. */
  int lost() {
    return lost.get();
  }

  private boolean loseThisOne() {
    if (budget.get() <= 0 || random.nextInt(oneIn) != 0) {
      return false;
    }
    return budget.getAndDecrement() > 0;
  }

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public void init(WorkflowOutboundCallsInterceptor outbound) {
        super.init(
            new WorkflowOutboundCallsInterceptorBase(outbound) {
              @Override
              public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
                LocalActivityOutput<R> output = super.executeLocalActivity(input);
                if (Workflow.isReplaying() || !loseThisOne()) {
                  return output;
                }
                output.getResult().get(); // it ran (a failure reaches the caller as it would)
                lost.incrementAndGet();
                // An Error, not an exception: no catch in the session takes it for its own, and
                // the SDK fails the workflow task, which the server then retries.
                throw new AssertionError(
                    "injected: the workflow task is lost after " + input.getActivityName());
              }
            });
      }
    };
  }
}
