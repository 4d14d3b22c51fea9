package dev.sessionflow.workflows.model;

import java.util.List;

/** A ticket's status, as helpdesks name them. */
public enum TicketStatus {
  NEW,
  OPEN,
  PENDING,
  SOLVED,
  CLOSED;

  /**
   * The statuses a person, a macro, a trigger or a settlement may set (NEW is the store's, CLOSED
   * the helpdesk's), in this order wherever they are listed.
   */
  public static final List<String> SETTABLE = List.of(OPEN.name(), PENDING.name(), SOLVED.name());

  /** Whether {@code status} names a settable status. */
  public static boolean settable(String status) {
    return SETTABLE.contains(status);
  }
}
