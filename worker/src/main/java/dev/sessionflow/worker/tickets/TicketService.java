package dev.sessionflow.worker.tickets;

import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.worker.access.AccessChecks;
import dev.sessionflow.worker.auth.Caller;
import org.springframework.stereotype.Service;

/** Reading tickets with their audit trail, for the API and the workspace alike. */
@Service
public class TicketService {
  private final TicketStore tickets;
  private final AccessChecks access;

  public TicketService(TicketStore tickets, AccessChecks access) {
    this.tickets = tickets;
    this.access = access;
  }

  /** The ticket and its audit, when the caller may see it (else 404, as if it did not exist). */
  public TicketResponse get(Caller caller, String ticketId) {
    Ticket ticket = access.ticket(caller, ticketId, false);
    return new TicketResponse(ticket, tickets.audit(ticketId));
  }
}
