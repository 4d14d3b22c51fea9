package dev.sessionflow.workflows.model;

import java.time.Instant;
import java.util.Objects;

/**
 * How and when a session ended, and whether it asked for a survey.
 *
 * @param via the macro or trigger that ended it; null for a direct request or the auto-close
 * @param requestId the idempotency key of the request that ended it, if it had one
 */
public record SessionEnd(
    EndedBy endedBy,
    String agentId,
    String reason,
    Instant endedAt,
    boolean csatWanted,
    AutomationSource via,
    String requestId) {

  public SessionEnd(
      EndedBy endedBy, String agentId, String reason, Instant endedAt, boolean csatWanted) {
    this(endedBy, agentId, reason, endedAt, csatWanted, null, null);
  }

  /** Whether {@code other} is the same decision: who ended it, which agent, and why. */
  public boolean sameDecisionAs(SessionEnd other) {
    return other != null
        && endedBy == other.endedBy
        && Objects.equals(agentId, other.agentId)
        && Objects.equals(reason, other.reason);
  }

  /**
   * This decision as the store holds it: its time and survey wish are the store's, what only the
   * decider knows (the macro's name) stays.
   */
  public SessionEnd asHeld(SessionEnd held) {
    return new SessionEnd(endedBy, agentId, reason, held.endedAt, held.csatWanted, via, requestId);
  }
}
