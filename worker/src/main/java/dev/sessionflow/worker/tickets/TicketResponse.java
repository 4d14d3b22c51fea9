package dev.sessionflow.worker.tickets;

import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketAuditEntry;
import java.time.Instant;
import java.util.List;

/** A ticket with its audit trail (opened, settled, rated), as agents see it. */
public record TicketResponse(
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
    List<TicketAuditEntry> audit) {

  static TicketResponse of(Ticket t, List<TicketAuditEntry> audit) {
    return new TicketResponse(
        t.ticketId(),
        t.status(),
        t.group(),
        t.conversationId(),
        t.sessionId(),
        t.requesterId(),
        t.csatRating(),
        t.endedBy(),
        t.endReason(),
        t.endedAt(),
        t.settledAt(),
        t.createdAt(),
        t.updatedAt(),
        audit);
  }
}
