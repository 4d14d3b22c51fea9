package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.automation.AutomationSource;

/**
 * A request to end a session.
 *
 * @param agentId the agent asking, for {@link EndedBy#AGENT}; null otherwise
 * @param reason free-form end reason, e.g. RESOLVED; null means the default for who ends it
 * @param sendCsat overrides whether a survey is sent; null leaves it to the policy
 * @param via the macro or trigger that asks; null for a direct request
 * @param requestId the caller's idempotency key: a repeat of the request that ended the session is
 *     answered with that end instead of being refused
 */
public record EndRequest(
    EndedBy endedBy,
    String agentId,
    String reason,
    Boolean sendCsat,
    AutomationSource via,
    String requestId) {

  public EndRequest(EndedBy endedBy, String agentId, String reason, Boolean sendCsat) {
    this(endedBy, agentId, reason, sendCsat, null, null);
  }

  /** Whether this repeats the request that ended the session. */
  boolean repeats(SessionEnd end) {
    return requestId != null && end != null && requestId.equals(end.requestId());
  }
}
