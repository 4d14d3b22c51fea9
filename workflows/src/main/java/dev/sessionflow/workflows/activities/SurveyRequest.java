package dev.sessionflow.workflows.activities;

import java.time.Duration;

/** Ask the end user of a session how it went: {@code question}, rated 1 to {@code scale}. */
public record SurveyRequest(
    String sessionId,
    String ticketId,
    String conversationId,
    String endUserId,
    Duration expiresAfter,
    String question,
    int scale) {}
