package dev.sessionflow.worker.tickets;

import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.worker.api.ApiException;
import org.springframework.stereotype.Service;

/** Reading tickets with their audit trail, for the API and the workspace alike. */
@Service
public class TicketService {
  private final TicketStore tickets;

  public TicketService(TicketStore tickets) {
    this.tickets = tickets;
  }

  public TicketResponse get(String ticketId) {
    return new TicketResponse(
        tickets.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket " + ticketId)),
        tickets.audit(ticketId));
  }
}
