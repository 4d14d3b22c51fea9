package dev.sessionflow.activities.automation;

import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.Trigger;
import dev.sessionflow.workflows.automation.TriggerConditions;
import java.time.Instant;
import java.util.List;

/** A trigger as admins manage it; lower {@code position} is evaluated first. */
public record StoredTrigger(
    String triggerId,
    String name,
    boolean enabled,
    int position,
    TriggerConditions conditions,
    List<TicketAction> actions,
    Instant createdAt,
    Instant updatedAt) {

  public Trigger rule() {
    return new Trigger(triggerId, name, conditions, actions);
  }
}
