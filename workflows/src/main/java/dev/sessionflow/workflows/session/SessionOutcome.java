package dev.sessionflow.workflows.session;

/** The result of a finished session. */
public record SessionOutcome(
    String sessionId, String ticketId, SessionEnd end, CsatStatus csat, long messageCount) {}
