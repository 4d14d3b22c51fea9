package dev.sessionflow.worker.automation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sessionflow.workflows.automation.ActionResult;
import dev.sessionflow.workflows.automation.TriggerRun;
import dev.sessionflow.workflows.model.TicketFacts;
import java.util.List;

/**
 * What a macro (or a ticket update) did: each action's outcome in order, then every trigger it set
 * off. {@code status} RUNNING (HTTP 202) means it is still going: poll {@code
 * /api/v1/automation-runs/{runId}}; it completes on its own. {@code actedBy} names who applied it
 * ("agent agent-1", "admin ops-bot"; absent for a trigger's run).
 */
public record AutomationResponse(
    String runId,
    String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) String actedBy,
    String ticketId,
    List<ActionResult> results,
    List<TriggerRun> triggers,
    TicketFacts ticket) {

  public static AutomationResponse of(AutomationRun run) {
    var r = run.result();
    return new AutomationResponse(
        r.runId(),
        run.status().name(),
        run.actedBy(),
        r.ticketId(),
        r.results(),
        r.triggers(),
        r.ticket());
  }
}
