package dev.sessionflow.worker.tickets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketAuditEntry;
import java.util.List;

/** A ticket's fields with its audit trail (opened, settled, reopened, rated), as agents see it. */
public record TicketResponse(@JsonUnwrapped Ticket ticket, List<TicketAuditEntry> audit) {}
