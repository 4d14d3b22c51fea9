package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.MessagingSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * The messaging settings; durations in ISO-8601, {@code null} for a timer that is off.
 *
 * @param agentsCanEndSessionsSource EXPLICIT once an admin chose, else ACCOUNT_DEFAULT (off for
 *     accounts that turned messaging on before the feature existed)
 */
public record SettingsResponse(
    boolean agentsCanEndSessions,
    String agentsCanEndSessionsSource,
    String inactiveAfter,
    String autoCloseAfter,
    String warnBeforeClose,
    String warningText,
    String endedNoticeText,
    Instant messagingEnabledAt,
    Instant updatedAt) {

  static SettingsResponse of(MessagingSettings s) {
    return new SettingsResponse(
        s.agentsCanEndSessions(),
        s.agentsCanEndSessionsExplicit() ? "EXPLICIT" : "ACCOUNT_DEFAULT",
        iso(s.inactiveAfter()),
        iso(s.autoCloseAfter()),
        iso(s.warnBeforeClose()),
        s.warningText(),
        s.endedNoticeText(),
        s.messagingEnabledAt(),
        s.updatedAt());
  }

  private static String iso(Duration d) {
    return d == null ? null : d.toString();
  }
}
