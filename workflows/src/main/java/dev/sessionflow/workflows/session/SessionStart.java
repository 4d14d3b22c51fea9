package dev.sessionflow.workflows.session;

/**
 * Input of a {@link MessagingSession} run: the session's identity, its settings and, after a
 * continue-as-new, the state carried from the previous run (null for a new session).
 *
 * @param settingsVersion the version of {@code timers} and {@code policy} in the store (0 from
 *     callers that predate versions)
 * @param messagesPerRun how many messages a run takes before it continues as new: null in
 *     production ({@link MessagingSessionImpl#MESSAGES_PER_RUN}); tests set a few, to cross
 *     continue-as-new in a short script
 * @param channel the channel the session's first message came through ({@code web}, {@code
 *     whatsapp}): settings sent later apply with its overrides; null before channels
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
    long settingsVersion,
    Integer messagesPerRun,
    String channel) {

  public SessionStart(
      String sessionId,
      String conversationId,
      String ticketId,
      String endUserId,
      String endUserName,
      SessionTimers timers,
      SessionPolicy policy,
      SessionState carried,
      long settingsVersion) {
    this(
        sessionId,
        conversationId,
        ticketId,
        endUserId,
        endUserName,
        timers,
        policy,
        carried,
        settingsVersion,
        null,
        null);
  }

  /** This start for a session of {@code channel}. */
  public SessionStart inChannel(String channel) {
    return new SessionStart(
        sessionId,
        conversationId,
        ticketId,
        endUserId,
        endUserName,
        timers,
        policy,
        carried,
        settingsVersion,
        messagesPerRun,
        channel);
  }

  /** How many messages a run takes before it continues as new. */
  int runLength() {
    return messagesPerRun == null ? MessagingSessionImpl.MESSAGES_PER_RUN : messagesPerRun;
  }

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
        settingsVersion,
        messagesPerRun,
        channel);
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
        held.version(),
        messagesPerRun,
        channel);
  }
}
