package dev.sessionflow.workflows.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ticket fields that trigger conditions read, as they are now.
 *
 * @param sessionStatus the status of the ticket's messaging session: ACTIVE, INACTIVE or ENDED
 * @param endReason how the session ended (null while it runs)
 * @param endedBy who ended it (null while it runs)
 */
public record TicketFacts(
    String ticketId,
    String sessionId,
    String group,
    String status,
    String sessionStatus,
    String endReason,
    String endedBy) {

  /** The field names conditions use, in a stable order. */
  public static final java.util.List<String> FIELDS =
      java.util.List.of("group", "status", "sessionStatus", "endReason", "endedBy");

  public Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("group", group);
    fields.put("status", status);
    fields.put("sessionStatus", sessionStatus);
    fields.put("endReason", endReason);
    fields.put("endedBy", endedBy);
    return fields;
  }

  public String field(String name) {
    return fields().get(name);
  }
}
