package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.sessions.SessionRecord;

/**
 * What it takes to start a session's workflow.
 *
 * @param channel the session's channel; null: read from the store if the workflow must start
 */
public record SessionIdentity(
    String sessionId,
    String conversationId,
    String ticketId,
    String endUserId,
    String endUserName,
    String channel) {

  /** The identity of a stored session. */
  public static SessionIdentity of(SessionRecord s) {
    return new SessionIdentity(
        s.sessionId(), s.conversationId(), s.ticketId(), s.endUserId(), s.endUserId(), s.channel());
  }
}
