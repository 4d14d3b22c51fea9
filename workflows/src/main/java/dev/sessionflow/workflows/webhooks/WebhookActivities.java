package dev.sessionflow.workflows.webhooks;

import io.temporal.activity.ActivityInterface;

/** Posting events to webhook receivers. */
@ActivityInterface
public interface WebhookActivities {

  /**
   * POSTs the event as JSON, signed with the hook's secret (HMAC-SHA256 over the body). A 2xx
   * answer delivers it; anything else is retried, except a removed hook or a 410 Gone.
   */
  void post(WebhookCall call);
}
