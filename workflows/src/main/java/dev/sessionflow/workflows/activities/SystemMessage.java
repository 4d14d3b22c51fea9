package dev.sessionflow.workflows.activities;

/**
 * Something the service says to the end user.
 *
 * @param messageId stable id; posting the same id again is a no-op
 */
public record SystemMessage(
    String conversationId, String sessionId, String messageId, String kind, String text) {}
