package dev.sessionflow.workflows.session;

import java.util.Map;

/**
 * Settings sent to running sessions when an admin changes them.
 *
 * @param version the settings' version in the store (0 from senders that predate versions): a
 *     session applies settings only when they are newer than the ones it holds
 * @param channels by channel name, the settings of the channels that override some (null or empty
 *     in every history before channels: all sessions run with {@code timers} and {@code policy})
 */
public record SessionSettings(
    SessionTimers timers,
    SessionPolicy policy,
    long version,
    Map<String, ChannelSettings> channels) {

  public SessionSettings(SessionTimers timers, SessionPolicy policy, long version) {
    this(timers, policy, version, null);
  }

  public SessionSettings(SessionTimers timers, SessionPolicy policy) {
    this(timers, policy, 0);
  }

  /** The settings a session of {@code channel} runs with (null: the account's). */
  public SessionSettings forChannel(String channel) {
    ChannelSettings own = channels == null || channel == null ? null : channels.get(channel);
    return own == null
        ? new SessionSettings(timers, policy, version)
        : new SessionSettings(own.timers(), own.policy(), version);
  }
}
