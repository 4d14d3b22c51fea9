package dev.sessionflow.worker.conversations;

/**
 * The answer to an end-user message; the same again for a repeated message id.
 *
 * @param sequence the message's place in the store: an end request may name the last one seen
 */
public record MessageAccepted(
    String sessionId, String ticketId, boolean newSession, long sequence) {}
