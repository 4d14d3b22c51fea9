package dev.sessionflow.worker.conversations;

/** The answer to an end-user message; the same again for a repeated message id. */
public record MessageAccepted(String sessionId, String ticketId, boolean newSession) {}
