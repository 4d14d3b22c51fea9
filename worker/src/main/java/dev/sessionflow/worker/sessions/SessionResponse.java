package dev.sessionflow.worker.sessions;

import java.time.Instant;

/** A session as the API shows it. */
public record SessionResponse(
    String sessionId,
    String conversationId,
    String ticketId,
    String status,
    String assignedAgentId,
    String endedBy,
    String endedByAgentId,
    String endReason,
    String endedVia,
    Instant endedAt,
    Instant openedAt,
    Csat csat,
    String endUserId) {

  /** The session's survey: its status and, once answered, the rating. */
  public record Csat(String status, Integer rating) {}
}
