package dev.sessionflow.workflows.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

public class WebhookDeliveryImpl implements WebhookDelivery {
  /**
   * Version 1: the POST is scheduled on {@link WebhookDelivery#ACTIVITY_TASK_QUEUE} (before it: on
   * the sessions' queue, sharing their activity slots).
   */
  public static final String OWN_QUEUE = "webhook-own-queue";

  private static final Logger log = Workflow.getLogger(WebhookDeliveryImpl.class);

  /** Quick first retries for a blip, then backing off to every 5 minutes, for up to a day. */
  static final ActivityOptions DELIVERY =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(15))
          .setScheduleToCloseTimeout(Duration.ofDays(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMillis(200))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .build())
          .setSummary("POST to webhook")
          .build();

  @Override
  public void deliver(WebhookCall call) {
    ActivityOptions options =
        Workflow.getVersion(OWN_QUEUE, Workflow.DEFAULT_VERSION, 1) >= 1
            ? ActivityOptions.newBuilder(DELIVERY).setTaskQueue(ACTIVITY_TASK_QUEUE).build()
            : DELIVERY;
    WebhookActivities webhooks = Workflow.newActivityStub(WebhookActivities.class, options);
    try {
      webhooks.post(call);
    } catch (ActivityFailure gaveUp) {
      // A receiver gone for a day (or a removed hook) loses the event; the session is unaffected.
      log.warn("webhook {} did not take event {}", call.hookId(), call.event().eventId());
    }
  }
}
