package dev.sessionflow.workflows.model;

import java.time.Instant;

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
}
