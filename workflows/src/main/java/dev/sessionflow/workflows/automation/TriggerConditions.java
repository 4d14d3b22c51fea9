package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;
import java.util.List;
import java.util.Map;

/**
 * A trigger fires when every {@code all} condition holds and, if any are given, one {@code any}.
 */
public record TriggerConditions(List<Condition> all, List<Condition> any) {

  public TriggerConditions {
    all = all == null ? List.of() : List.copyOf(all);
    any = any == null ? List.of() : List.copyOf(any);
  }

  public boolean hold(TicketFacts now, Map<String, FieldChange> changes) {
    return all.stream().allMatch(c -> c.holds(now, changes))
        && (any.isEmpty() || any.stream().anyMatch(c -> c.holds(now, changes)));
  }
}
