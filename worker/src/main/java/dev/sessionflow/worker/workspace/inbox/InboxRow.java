package dev.sessionflow.worker.workspace.inbox;

import java.time.Instant;

/**
 * One session in the inbox.
 *
 * @param warningAt when the inactivity warning is due, while one is armed
 * @param closeAt when the session auto-closes, while that is armed
 */
public record InboxRow(
    String sessionId,
    String ticketId,
    String endUser,
    String status,
    boolean waitingOnAgent,
    String lastText,
    String lastAuthor,
    Instant lastAt,
    String group,
    String assignee,
    Instant warningAt,
    Instant closeAt) {

  /** Waiting on an agent first, then active, inactive, ended. */
  public int rank() {
    if ("ENDED".equals(status)) {
      return 3;
    }
    if (waitingOnAgent) {
      return 0;
    }
    return "ACTIVE".equals(status) ? 1 : 2;
  }

  public String state() {
    return switch (rank()) {
      case 0 -> "Waiting on agent";
      case 1 -> "Active";
      case 2 -> "Inactive";
      default -> "Ended";
    };
  }
}
