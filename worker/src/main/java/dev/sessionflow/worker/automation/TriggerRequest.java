package dev.sessionflow.worker.automation;

import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TriggerConditions;
import java.util.List;

/**
 * A trigger as admins write it.
 *
 * @param enabled default true
 * @param position evaluation order, lowest first; default: after the others
 */
public record TriggerRequest(
    String name,
    Boolean enabled,
    Integer position,
    TriggerConditions conditions,
    List<TicketAction> actions) {}
