package dev.sessionflow.activities.conversations;

import java.time.Instant;

/**
 * An end-user message stored in its session, with what the caller needs to wake the session.
 *
 * @param newSession this message opened the session (and its ticket)
 * @param duplicate the message id was seen before: nothing new was stored
 * @param reopened this message reopened the conversation's last session
 * @param sequence the message's store sequence number
 * @param storedAt when the store took the message (the first time, for a duplicate)
 * @param settingsVersion the settings' version while the message was stored (0 before the settings
 *     were first stored), for the session to catch up on settings it missed
 */
public record AcceptedMessage(
    String sessionId,
    String ticketId,
    boolean newSession,
    boolean duplicate,
    String conversationId,
    String endUserId,
    String endUserName,
    boolean reopened,
    long sequence,
    Instant storedAt,
    long settingsVersion) {}
