package dev.sessionflow.activities.tickets;

import java.time.Instant;

/**
 * A support ticket: one per messaging session. {@code endedBy} is the role that ended its session,
 * {@code endedById} who: the agent id, the admin's subject or the token's name.
 */
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
    String endedVia,
    String endedById) {}
