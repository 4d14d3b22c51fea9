package dev.sessionflow.activities.conversations;

/**
 * An end-user message stored in its session, with what the caller needs to wake the session.
 *
 * @param newSession this message opened the session (and its ticket)
 * @param duplicate the message id was seen before: nothing new was stored
 * @param reopened this message reopened the conversation's last session
 */
public record AcceptedMessage(
    String sessionId,
    String ticketId,
    boolean newSession,
    boolean duplicate,
    String conversationId,
    String endUserId,
    String endUserName,
    boolean reopened) {}
