package dev.sessionflow.worker.tickets;

import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.auth.Allow;
import dev.sessionflow.worker.auth.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {
  private final TicketStore tickets;

  TicketController(TicketStore tickets) {
    this.tickets = tickets;
  }

  @Operation(summary = "A ticket: status, group, its session, how the session ended, CSAT rating")
  @GetMapping("/{ticketId}")
  @Allow({Role.AGENT, Role.ADMIN})
  TicketResponse get(@PathVariable String ticketId) {
    Ticket ticket =
        tickets
            .find(PathIds.check("ticketId", ticketId))
            .orElseThrow(() -> ApiException.notFound("Ticket " + ticketId));
    return new TicketResponse(ticket, tickets.audit(ticketId));
  }
}
