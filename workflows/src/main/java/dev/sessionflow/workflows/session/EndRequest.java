package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;

/**
 * A request to end a session.
 *
 * @param agentId the agent asking, for {@link EndedBy#AGENT}; null otherwise
 * @param reason free-form end reason, e.g. RESOLVED; null means the default for who ends it
 * @param sendCsat overrides whether a survey is sent; null leaves it to the policy
 * @param via the macro or trigger that asks; null for a direct request
 * @param requestId the caller's idempotency key: a repeat of the request that ended the session is
 *     answered with that end instead of being refused
 * @param lastSeenSequence the store sequence number of the last message the caller saw (or the
 *     store held when the end was asked): the session decides once it has followed that far; null
 *     decides at once
 * @param settingsVersion the settings' version when the end was asked (null from older callers): a
 *     session holding older settings fetches the current ones before it decides
 * @param messagesBefore how many of this session's messages (end user's and agents') the store held
 *     when the end was asked (null from older callers): sequences are global and signals may arrive
 *     out of order, so the session also waits until it has been told of that many
 */
public record EndRequest(
    EndedBy endedBy,
    String agentId,
    String reason,
    Boolean sendCsat,
    AutomationSource via,
    String requestId,
    Long lastSeenSequence,
    Long settingsVersion,
    Long messagesBefore) {

  public EndRequest(
      EndedBy endedBy,
      String agentId,
      String reason,
      Boolean sendCsat,
      AutomationSource via,
      String requestId,
      Long lastSeenSequence,
      Long settingsVersion) {
    this(
        endedBy,
        agentId,
        reason,
        sendCsat,
        via,
        requestId,
        lastSeenSequence,
        settingsVersion,
        null);
  }

  public EndRequest(EndedBy endedBy, String agentId, String reason, Boolean sendCsat) {
    this(endedBy, agentId, reason, sendCsat, null, null, null, null);
  }

  public EndRequest(
      EndedBy endedBy,
      String agentId,
      String reason,
      Boolean sendCsat,
      AutomationSource via,
      String requestId) {
    this(endedBy, agentId, reason, sendCsat, via, requestId, null, null);
  }

  /** The same request, to be decided once the session has followed up to {@code sequence}. */
  public EndRequest after(Long sequence) {
    return new EndRequest(
        endedBy,
        agentId,
        reason,
        sendCsat,
        via,
        requestId,
        sequence,
        settingsVersion,
        messagesBefore);
  }

  /** The same request under the caller's idempotency key. */
  public EndRequest withRequestId(String key) {
    return new EndRequest(
        endedBy,
        agentId,
        reason,
        sendCsat,
        via,
        key,
        lastSeenSequence,
        settingsVersion,
        messagesBefore);
  }

  /** The same request, telling the session which settings version is current. */
  public EndRequest knowingSettings(long version) {
    return new EndRequest(
        endedBy,
        agentId,
        reason,
        sendCsat,
        via,
        requestId,
        lastSeenSequence,
        version,
        messagesBefore);
  }

  /** The same request, to be decided once the session has been told of {@code count} messages. */
  public EndRequest afterMessages(long count) {
    return new EndRequest(
        endedBy,
        agentId,
        reason,
        sendCsat,
        via,
        requestId,
        lastSeenSequence,
        settingsVersion,
        count);
  }

  /** Whether this repeats the request that ended the session. */
  boolean repeats(SessionEnd end) {
    return requestId != null && end != null && requestId.equals(end.requestId());
  }
}
