package dev.sessionflow.worker.sessions;

/** What it takes to start a session's workflow. */
public record SessionIdentity(
    String sessionId,
    String conversationId,
    String ticketId,
    String endUserId,
    String endUserName) {}
