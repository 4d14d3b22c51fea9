package dev.sessionflow.workflows.automation;

/** What one step of a macro or trigger does to a ticket. */
public enum ActionType {
  /** Moves the ticket to the group in {@code value}. */
  SET_GROUP,
  /** Sets the ticket status in {@code value}: OPEN, PENDING or SOLVED. */
  SET_STATUS,
  /** Adds {@code value} to the ticket's audit, for agents only. */
  ADD_INTERNAL_NOTE,
  /** Sends {@code value} to the end user in the ticket's open messaging session. */
  SEND_MESSAGE,
  /** Ends the ticket's messaging session with {@code reason}, surveying per {@code sendCsat}. */
  END_SESSION
}
