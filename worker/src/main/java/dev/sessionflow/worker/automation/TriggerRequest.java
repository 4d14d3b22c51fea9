package dev.sessionflow.worker.automation;

import dev.sessionflow.activities.automation.AutomationRules;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TriggerConditions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * A trigger as admins write it.
 *
 * @param enabled default true
 * @param position evaluation order, lowest first (0 to {@link AutomationRules#MAX_POSITION}, ties
 *     by id); default: after the others
 */
public record TriggerRequest(
    String name,
    Boolean enabled,
    @Min(0) @Max(AutomationRules.MAX_POSITION) Integer position,
    TriggerConditions conditions,
    List<TicketAction> actions) {}
