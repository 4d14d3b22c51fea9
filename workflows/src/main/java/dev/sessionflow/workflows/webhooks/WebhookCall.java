package dev.sessionflow.workflows.webhooks;

/** One event for one webhook. */
public record WebhookCall(String hookId, WebhookEvent event) {}
