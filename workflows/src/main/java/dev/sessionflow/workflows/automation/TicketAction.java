package dev.sessionflow.workflows.automation;

/**
 * One action of a macro or trigger.
 *
 * @param value the group, status, note or message text (unused by END_SESSION)
 * @param reason END_SESSION only: the end reason, e.g. ESCALATED
 * @param sendCsat END_SESSION only: whether to survey the end user; null leaves it to the policy
 *     (which sends none for ESCALATED)
 */
public record TicketAction(ActionType type, String value, String reason, Boolean sendCsat) {

  public static TicketAction of(ActionType type, String value) {
    return new TicketAction(type, value, null, null);
  }

  public static TicketAction endSession(String reason, Boolean sendCsat) {
    return new TicketAction(ActionType.END_SESSION, null, reason, sendCsat);
  }
}
