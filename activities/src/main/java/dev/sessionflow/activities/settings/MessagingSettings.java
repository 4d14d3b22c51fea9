package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Duration;
import java.time.Instant;

/**
 * The account's messaging settings as they apply now.
 *
 * @param agentsCanEndSessions the effective value (the stored choice, else the account default)
 * @param agentsCanEndSessionsExplicit whether an admin chose it; false means the default applies
 * @param messagingEnabledAt when the account turned messaging on (decides the default)
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
    Instant updatedAt) {

  public SessionTimers timers() {
    return new SessionTimers(
        inactiveAfter, autoCloseAfter, warnBeforeClose, warningText, endedNoticeText);
  }
}
