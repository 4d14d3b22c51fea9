package dev.sessionflow.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public class ChannelLaneImpl implements ChannelLane {
  private static final Logger log = Workflow.getLogger(ChannelLaneImpl.class);

  /** A lane with nothing to deliver for this long completes; the next message starts it again. */
  static final Duration IDLE = Duration.ofMinutes(10);

  /** Continue as new after this many deliveries, to keep the history short. */
  static final int DELIVERIES_PER_RUN = 500;

  /**
   * The POST: the other deliveries' retries (quick at first, then every 5 minutes, for a day), so a
   * message is given up after a day and the lane moves on.
   */
  static final ActivityOptions DELIVERY =
      ActivityOptions.newBuilder(WebhookDeliveryImpl.DELIVERY).setTaskQueue(TASK_QUEUE).build();

  static final ActivityOptions SKIP =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofDays(1))
          .setRetryOptions(
              RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
          .setTaskQueue(TASK_QUEUE)
          .build();

  private final LaneActivities deliveries =
      Workflow.newActivityStub(LaneActivities.class, DELIVERY);
  private final LaneActivities store = Workflow.newActivityStub(LaneActivities.class, SKIP);
  private long wakes;

  @Override
  public void run(LaneStart lane) {
    for (int delivered = 0; delivered < DELIVERIES_PER_RUN; delivered++) {
      long wakesBefore = wakes;
      LaneProgress step;
      try {
        step = deliveries.deliverNext(lane);
      } catch (ActivityFailure gaveUp) {
        log.warn(
            "lane {} gave up a message",
            ChannelLane.workflowId(lane.hookId(), lane.conversationId()));
        store.skipNext(lane);
        continue;
      }
      if (step.more() || wakes > wakesBefore) {
        continue; // a wake during the step may name a message the step did not read
      }
      if (!Workflow.await(IDLE, () -> wakes > wakesBefore)) {
        return; // idle: a wake from now on starts a new run, which reads the store first
      }
    }
    Workflow.continueAsNew(lane);
  }

  @Override
  public void wake() {
    wakes++;
  }
}
