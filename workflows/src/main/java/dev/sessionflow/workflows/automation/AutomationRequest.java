package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.AutomationSource;
import java.util.List;
import java.util.Map;

/**
 * A ticket update to run durably: the actions of a macro (or of an agent's direct change), then the
 * triggers the update sets off.
 *
 * @param runId unique per update; the workflow id and the idempotency key of every step
 * @param actions applied in order; empty for a session's end, whose {@code changes} are given
 * @param changes changes already made before the run (a session's end and settlement)
 */
public record AutomationRequest(
    String runId,
    String ticketId,
    Actor actor,
    AutomationSource source,
    List<TicketAction> actions,
    Map<String, FieldChange> changes) {

  public AutomationRequest {
    actions = actions == null ? List.of() : List.copyOf(actions);
    changes = changes == null ? Map.of() : Map.copyOf(changes);
  }
}
