package dev.sessionflow.activities.conversations;

import java.time.Instant;

/**
 * A message of a conversation's transcript, in the order it was stored; a CSAT invitation names its
 * survey.
 */
public record StoredMessage(
    long seq,
    String messageId,
    String sessionId,
    String author,
    String agentId,
    String kind,
    String text,
    String surveyId,
    Instant at) {}
