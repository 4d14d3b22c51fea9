package dev.sessionflow.workflows.reconciler;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class SessionReconcilerImpl implements SessionReconciler {
  /** Bounded: the next pass, a minute later, tries again anyway. */
  private final ReconcilerActivities activities =
      Workflow.newActivityStub(
          ReconcilerActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
              .setSummary("finish sessions ended but unsettled")
              .build());

  @Override
  public Reconciled run() {
    int started = activities.startSessionsLeftBehind();
    return activities.finishStrandedEnds().withStarted(started);
  }
}
