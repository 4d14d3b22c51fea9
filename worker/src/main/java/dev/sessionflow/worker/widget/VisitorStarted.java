package dev.sessionflow.worker.widget;

import java.time.Instant;

/**
 * A visitor's credential: the bearer token the chat frame calls the widget's conversation endpoints
 * with, for this one conversation, until {@code expiresAt}.
 */
public record VisitorStarted(
    String visitorToken,
    String conversationId,
    boolean verified,
    Instant expiresAt,
    String frameUrl) {}
