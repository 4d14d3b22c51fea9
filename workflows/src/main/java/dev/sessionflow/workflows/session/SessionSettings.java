package dev.sessionflow.workflows.session;

/**
 * Settings sent to running sessions when an admin changes them.
 *
 * @param version the settings' version in the store (0 from senders that predate versions): a
 *     session applies settings only when they are newer than the ones it holds
 */
public record SessionSettings(SessionTimers timers, SessionPolicy policy, long version) {

  public SessionSettings(SessionTimers timers, SessionPolicy policy) {
    this(timers, policy, 0);
  }
}
