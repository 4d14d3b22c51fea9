package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.AutomationSource;
import java.util.List;

/** An admin's rule: when a ticket update leaves the conditions true, apply the actions. */
public record Trigger(
    String triggerId, String name, TriggerConditions conditions, List<TicketAction> actions) {

  public AutomationSource source() {
    return new AutomationSource(AutomationSource.Kind.TRIGGER, triggerId, name);
  }
}
