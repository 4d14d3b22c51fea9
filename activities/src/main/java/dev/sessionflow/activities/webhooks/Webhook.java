package dev.sessionflow.activities.webhooks;

import dev.sessionflow.workflows.webhooks.WebhookSubscription;
import java.util.Set;

/** A configured webhook receiver. The secret signs each delivery and is never shown back. */
public record Webhook(String hookId, String url, String secret, Set<String> events) {

  public WebhookSubscription subscription() {
    return new WebhookSubscription(hookId, events);
  }
}
