package dev.sessionflow.worker.automation;

import dev.sessionflow.activities.automation.StoredTrigger;
import dev.sessionflow.activities.automation.TriggerStore;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TriggerConditions;
import java.util.List;
import org.springframework.stereotype.Service;

/** Triggers as admins manage them, for the API and the workspace alike. */
@Service
public class TriggerService {
  private final TriggerStore triggers;

  public TriggerService(TriggerStore triggers) {
    this.triggers = triggers;
  }

  public List<StoredTrigger> list() {
    return triggers.list();
  }

  /** A new trigger; enabled unless {@code enabled} is false, last unless a position is given. */
  public StoredTrigger create(
      String name,
      Boolean enabled,
      Integer position,
      TriggerConditions conditions,
      List<TicketAction> actions) {
    return triggers.create(name, enabled == null || enabled, position, conditions, actions);
  }
}
