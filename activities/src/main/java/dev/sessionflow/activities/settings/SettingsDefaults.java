package dev.sessionflow.activities.settings;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of an account's messaging settings, from {@code sessionflow.settings.*}.
 *
 * @param endSessionFeatureReleasedAt when "agents can end sessions" shipped: an account that turned
 *     messaging on before it gets the setting off until an admin turns it on
 * @param messagingEnabledAt when this account turned messaging on; unset means "now", on the first
 *     start against an empty database
 * @param csatExpiresAfter how long surveys can be answered until an admin sets it
 */
@ConfigurationProperties("sessionflow.settings")
public record SettingsDefaults(
    Duration inactiveAfter,
    Duration autoCloseAfter,
    Duration warnBeforeClose,
    String warningText,
    String endedNoticeText,
    Instant endSessionFeatureReleasedAt,
    Instant messagingEnabledAt,
    Duration csatExpiresAfter) {

  public SettingsDefaults {
    inactiveAfter = inactiveAfter == null ? Duration.ofMinutes(10) : inactiveAfter;
    autoCloseAfter = autoCloseAfter == null ? Duration.ofMinutes(30) : autoCloseAfter;
    warnBeforeClose = warnBeforeClose == null ? Duration.ofMinutes(2) : warnBeforeClose;
    warningText =
        warningText == null
            ? "Are you still there? This conversation will close soon if we don't hear from you."
            : warningText;
    endedNoticeText =
        endedNoticeText == null
            ? "This conversation has ended. Send a new message any time to start a new one."
            : endedNoticeText;
    csatExpiresAfter = csatExpiresAfter == null ? Duration.ofDays(14) : csatExpiresAfter;
    endSessionFeatureReleasedAt =
        endSessionFeatureReleasedAt == null
            ? Instant.parse("2024-06-01T00:00:00Z")
            : endSessionFeatureReleasedAt;
  }

  /** On by default, off for accounts whose messaging predates the feature. */
  public boolean agentsCanEndSessionsFor(Instant accountMessagingEnabledAt) {
    return !accountMessagingEnabledAt.isBefore(endSessionFeatureReleasedAt);
  }
}
