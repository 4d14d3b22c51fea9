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

  /**
   * Version 1: a pass also signals again the messages left in the outbox of message signals (before
   * it: starts and ends only). The histories of both branches replay in {@code
   * ReconcilerReplayTest}.
   */
  static final String REDELIVERS_MESSAGES = "reconciler-redelivers-messages";

  /**
   * Version 1: a pass also wakes the channel lanes left behind the store. The histories of both
   * branches replay in {@code ReconcilerReplayTest}.
   */
  static final String WAKES_LANES = "reconciler-wakes-lanes";

  @Override
  public Reconciled run() {
    int started = activities.startSessionsLeftBehind();
    int redelivered =
        Workflow.getVersion(REDELIVERS_MESSAGES, Workflow.DEFAULT_VERSION, 1) >= 1
            ? activities.redeliverMessagesLeftBehind()
            : 0;
    int woken =
        Workflow.getVersion(WAKES_LANES, Workflow.DEFAULT_VERSION, 1) >= 1
            ? activities.wakeLanesLeftBehind()
            : 0;
    return activities
        .finishStrandedEnds()
        .withStarted(started)
        .withRedelivered(redelivered)
        .withLanesWoken(woken);
  }
}
