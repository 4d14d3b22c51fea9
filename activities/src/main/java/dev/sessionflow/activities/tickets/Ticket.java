package dev.sessionflow.activities.tickets;

import java.time.Instant;

/** A support ticket: one per messaging session. */
public record Ticket(
    String ticketId,
    String status,
    String group,
    String conversationId,
    String sessionId,
    String requesterId,
    Integer csatRating,
    String endedBy,
    String endReason,
    Instant endedAt,
    Instant settledAt,
    Instant createdAt,
    Instant updatedAt,
    String endedVia) {}
