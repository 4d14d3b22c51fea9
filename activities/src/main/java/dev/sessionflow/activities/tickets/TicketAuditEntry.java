package dev.sessionflow.activities.tickets;

import java.time.Instant;

/** One line of a ticket's audit trail: what happened, for which session, when. */
public record TicketAuditEntry(String kind, String sessionId, String detail, Instant at) {}
