package dev.sessionflow.workflows.session;

/**
 * Input of a {@link MessagingSession} run: the session's identity, its settings and, after a
 * continue-as-new, the state carried from the previous run (null for a new session).
 *
 * @param settingsVersion the version of {@code timers} and {@code policy} in the store (0 from
 *     callers that predate versions)
 */
public record SessionStart(
    String sessionId,
    String conversationId,
    String ticketId,
    String endUserId,
    String endUserName,
    SessionTimers timers,
    SessionPolicy policy,
    SessionState carried,
    long settingsVersion) {

  public SessionStart carrying(SessionState state) {
    return new SessionStart(
        sessionId,
        conversationId,
        ticketId,
        endUserId,
        endUserName,
        timers,
        policy,
        state,
        settingsVersion);
  }

  /** This start with the settings the session holds now. */
  public SessionStart with(SessionSettings held) {
    return new SessionStart(
        sessionId,
        conversationId,
        ticketId,
        endUserId,
        endUserName,
        held.timers(),
        held.policy(),
        carried,
        held.version());
  }
}
