package dev.sessionflow.workflows.session;

/**
 * Input of a {@link MessagingSession} run: the session's identity, its settings and, after a
 * continue-as-new, the state carried from the previous run (null for a new session).
 */
public record SessionStart(
    String sessionId,
    String conversationId,
    String ticketId,
    String endUserId,
    String endUserName,
    SessionTimers timers,
    SessionPolicy policy,
    SessionState carried) {

  public SessionStart carrying(SessionState state) {
    return new SessionStart(
        sessionId, conversationId, ticketId, endUserId, endUserName, timers, policy, state);
  }

  public SessionStart with(SessionTimers newTimers, SessionPolicy newPolicy) {
    return new SessionStart(
        sessionId, conversationId, ticketId, endUserId, endUserName, newTimers, newPolicy, carried);
  }
}
