package dev.sessionflow.worker.tickets;

import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.worker.access.AccessChecks;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.automation.Actors;
import dev.sessionflow.worker.automation.AutomationResponse;
import dev.sessionflow.worker.automation.AutomationRun;
import dev.sessionflow.worker.automation.AutomationRunner;
import dev.sessionflow.worker.automation.RunIds;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.AutomationRequest;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {
  private final TicketStore tickets;
  private final TicketService ticketService;
  private final AutomationRunner runner;
  private final AccessChecks access;

  TicketController(
      TicketStore tickets,
      TicketService ticketService,
      AutomationRunner runner,
      AccessChecks access) {
    this.tickets = tickets;
    this.ticketService = ticketService;
    this.runner = runner;
    this.access = access;
  }

  @Operation(summary = "A ticket: status, group, its session, how the session ended, CSAT rating")
  @GetMapping("/{ticketId}")
  TicketResponse get(@PathVariable String ticketId, Caller caller) {
    return ticketService.get(caller, PathIds.check("ticketId", ticketId));
  }

  @Operation(
      summary = "Change a ticket's group and/or status",
      description =
          "Runs like a macro (durably, audited, Idempotency-Key honoured) and sets off the "
              + "triggers, e.g. one that ends the messaging session when the ticket is escalated "
              + "to another group. 202 with the run if it takes longer than 30 s.")
  @PatchMapping("/{ticketId}")
  ResponseEntity<?> patch(
      @PathVariable String ticketId,
      @RequestBody TicketPatch body,
      @RequestHeader(name = RunIds.HEADER, required = false)
          @Parameter(schema = @Schema(pattern = RunIds.KEY_PATTERN, maxLength = 64))
          String idempotencyKey,
      Caller caller) {
    access.ticket(caller, PathIds.check("ticketId", ticketId), true);
    AutomationRun run =
        runner.run(
            new AutomationRequest(
                RunIds.of(ticketId, "update", idempotencyKey),
                ticketId,
                Actors.of(caller),
                new AutomationSource(AutomationSource.Kind.TICKET_UPDATE, null, null),
                actions(body),
                Map.of()));
    AutomationResponse update = AutomationResponse.of(run);
    if (run.status() != AutomationRun.Status.COMPLETED) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(update);
    }
    return ResponseEntity.ok(
        new TicketUpdateResponse(find(ticketId), tickets.audit(ticketId), update));
  }

  private static List<TicketAction> actions(TicketPatch body) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<TicketAction> actions = new ArrayList<>();
    if (body == null || body.group() == null && body.status() == null) {
      throw ApiException.invalid("group", "send group, status or both");
    }
    if (body.group() != null) {
      if (body.group().isBlank() || body.group().length() > Limits.GROUP) {
        errors.put("group", "must be 1 to " + Limits.GROUP + " characters");
      }
      actions.add(TicketAction.of(ActionType.SET_GROUP, body.group()));
    }
    if (body.status() != null) {
      if (!TicketStatus.settable(body.status())) {
        errors.put("status", "must be one of " + TicketStatus.SETTABLE);
      }
      actions.add(TicketAction.of(ActionType.SET_STATUS, body.status()));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ProblemType.VALIDATION, "Invalid ticket change", errors);
    }
    return actions;
  }

  private Ticket find(String ticketId) {
    return tickets
        .find(PathIds.check("ticketId", ticketId))
        .orElseThrow(() -> ApiException.notFound("Ticket " + ticketId));
  }
}
