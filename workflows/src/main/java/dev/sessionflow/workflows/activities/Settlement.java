package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.SessionEnd;

/**
 * Set a ticket's status (and group, unless null) once its session ended. {@code round} counts the
 * session's reopens: each round's end settles once.
 */
public record Settlement(
    String ticketId,
    String sessionId,
    String status,
    String group,
    SessionEnd end,
    CsatStatus csat,
    int round) {

  /** The same settlement, with the survey's status as it turned out. */
  public Settlement withCsat(CsatStatus surveyed) {
    return new Settlement(ticketId, sessionId, status, group, end, surveyed, round);
  }
}
