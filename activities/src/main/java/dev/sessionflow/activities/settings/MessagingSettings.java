package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.webhooks.Webhook;
import dev.sessionflow.workflows.session.ChannelSettings;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SessionSettings;
import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account's messaging settings as they apply now.
 *
 * @param agentsCanEndSessions the effective value (the stored choice, else the account default)
 * @param agentsCanEndSessionsExplicit whether an admin chose it; false means the default applies
 * @param messagingEnabledAt when the account turned messaging on (decides the default)
 * @param policy CSAT and settlement policy (its webhook list is empty: see {@code webhooks})
 * @param webhooks the receivers of outbound events
 * @param widgetOrigins the web origins allowed to start widget visitors ({@code
 *     https://host[:port]})
 * @param hours business hours: what the timers count, the schedule, the out-of-hours text
 * @param texts the end users' texts by locale (BCP 47), each falling back to the broader
 *     language's, then to the default text
 * @param channels by channel name ({@code whatsapp}), what that channel's sessions run with instead
 * @param version raised by one with every change: the API's ETag, and what running sessions compare
 *     to apply only settings newer than theirs
 */
public record MessagingSettings(
    boolean agentsCanEndSessions,
    boolean agentsCanEndSessionsExplicit,
    Duration inactiveAfter,
    Duration autoCloseAfter,
    Duration warnBeforeClose,
    String warningText,
    String endedNoticeText,
    Instant messagingEnabledAt,
    Instant updatedAt,
    SessionPolicy policy,
    List<Webhook> webhooks,
    List<String> widgetOrigins,
    BusinessHoursSettings hours,
    Map<String, LocaleTexts> texts,
    Map<String, ChannelOverride> channels,
    long version) {

  public MessagingSettings {
    widgetOrigins = widgetOrigins == null ? List.of() : List.copyOf(widgetOrigins);
    hours = hours == null ? BusinessHoursSettings.NONE : hours;
    texts = texts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(texts));
    channels = channels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(channels));
  }

  /** The policy a session runs with, webhooks included. */
  public SessionPolicy sessionPolicy() {
    return policy.toBuilder()
        .webhooks(webhooks.stream().map(Webhook::subscription).toList())
        .build();
  }

  /**
   * What a running session is sent when the settings change, or fetches when it is behind: the
   * account's settings, and each overriding channel's, from which a session takes its channel's.
   */
  public SessionSettings forSessions() {
    Map<String, ChannelSettings> byChannel = new TreeMap<>();
    channels.forEach(
        (name, override) -> {
          MessagingSettings own = override.applyTo(this);
          byChannel.put(name, new ChannelSettings(own.timers(), own.sessionPolicy()));
        });
    return new SessionSettings(timers(), sessionPolicy(), version, byChannel);
  }

  /** The settings of {@code channel}'s sessions: the account's with the channel's overrides. */
  public MessagingSettings forChannel(String channel) {
    ChannelOverride override = channel == null ? null : channels.get(channel);
    return override == null ? this : override.applyTo(this);
  }

  /** The timers, with the business hours they count in written out around now. */
  public SessionTimers timers() {
    return new SessionTimers(
        inactiveAfter,
        autoCloseAfter,
        warnBeforeClose,
        warningText,
        endedNoticeText,
        hours.timersCountIn(Instant.now()));
  }
}
