package dev.sessionflow.worker.tickets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketAuditEntry;
import dev.sessionflow.worker.automation.AutomationResponse;
import java.util.List;

/** The ticket after an agent's change, and what the change did (triggers included). */
public record TicketUpdateResponse(
    @JsonUnwrapped Ticket ticket, List<TicketAuditEntry> audit, AutomationResponse update) {}
