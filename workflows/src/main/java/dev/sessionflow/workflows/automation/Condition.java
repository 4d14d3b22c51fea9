package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;
import java.util.Map;
import java.util.Objects;

/**
 * One test on a ticket field: its current value ({@code IS}, {@code IS_NOT}) or its change in the
 * ticket update being processed ({@code CHANGED}, {@code NOT_CHANGED}, {@code CHANGED_FROM}, {@code
 * CHANGED_TO}). A missing value (no group yet) is null: {@code IS_NOT "tier-1"} holds for it.
 *
 * @param field one of {@link TicketFacts#FIELDS}
 * @param value compared as written; unused by CHANGED and NOT_CHANGED
 */
public record Condition(String field, Operator operator, String value) {

  public enum Operator {
    IS,
    IS_NOT,
    CHANGED,
    NOT_CHANGED,
    CHANGED_FROM,
    CHANGED_TO;

    public boolean needsValue() {
      return this != CHANGED && this != NOT_CHANGED;
    }
  }

  public boolean holds(TicketFacts now, Map<String, FieldChange> changes) {
    String current = now.field(field);
    FieldChange change = changes.get(field);
    return switch (operator) {
      case IS -> Objects.equals(current, value);
      case IS_NOT -> !Objects.equals(current, value);
      case CHANGED -> change != null;
      case NOT_CHANGED -> change == null;
      case CHANGED_FROM -> change != null && Objects.equals(change.from(), value);
      case CHANGED_TO -> change != null && Objects.equals(change.to(), value);
    };
  }
}
