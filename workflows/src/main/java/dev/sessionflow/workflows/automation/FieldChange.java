package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A field's value before a chain of changes began and after its latest change. */
public record FieldChange(String from, String to) {

  /** Adds the differences between two snapshots to {@code changes}, keeping the first "from". */
  public static Map<String, FieldChange> merge(
      Map<String, FieldChange> changes, TicketFacts before, TicketFacts after) {
    Map<String, FieldChange> merged = new LinkedHashMap<>(changes);
    if (before == null || after == null) {
      return merged;
    }
    for (String field : TicketFacts.FIELDS) {
      String from = before.field(field);
      String to = after.field(field);
      if (Objects.equals(from, to)) {
        continue;
      }
      FieldChange earlier = merged.get(field);
      String origin = earlier == null ? from : earlier.from();
      if (Objects.equals(origin, to)) {
        merged.remove(field); // changed and changed back: no change
      } else {
        merged.put(field, new FieldChange(origin, to));
      }
    }
    return merged;
  }
}
