package dev.sessionflow.workflows.webhooks;

import java.util.Set;

/** A webhook (its URL and secret stay in the database) and the event types it receives. */
public record WebhookSubscription(String hookId, Set<String> events) {}
