package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.settings.BusinessHoursSettings;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.workflows.activities.SystemMessage;
import dev.sessionflow.workflows.hours.OpenHours;
import org.springframework.stereotype.Component;

/**
 * Answers an end user who writes while the team is closed, once per closed stretch and session: the
 * notice's id names the next opening, so later messages before it store nothing new. Stored in the
 * transaction of the end user's message, right after it, so the end user reads it next.
 */
@Component
class OutOfHoursNotices {
  static final String KIND = "OUT_OF_HOURS";

  private final SettingsStore settings;
  private final MessageStore messages;

  OutOfHoursNotices(SettingsStore settings, MessageStore messages) {
    this.settings = settings;
    this.messages = messages;
  }

  /** In the transaction that stored {@code accepted}, under the hours of its {@code channel}. */
  AcceptedMessage answer(AcceptedMessage accepted, String channel) {
    if (accepted.duplicate() || accepted.settingsVersion() == 0) {
      return accepted; // version 0: never saved, so the defaults, which have no hours
    }
    BusinessHoursSettings hours =
        settings.atVersion(accepted.settingsVersion()).forChannel(channel).hours();
    if (hours.schedule() == null || hours.outOfHoursText() == null) {
      return accepted;
    }
    OpenHours open = hours.openHours(accepted.storedAt());
    long at = accepted.storedAt().toEpochMilli();
    if (open.isOpen(at)) {
      return accepted;
    }
    String sessionId = accepted.sessionId();
    messages.postSystemMessage(
        new SystemMessage(
            accepted.conversationId(),
            sessionId,
            sessionId + "-out-of-hours-" + open.nextOpening(at),
            KIND,
            hours.outOfHoursText()),
        null);
    return accepted;
  }
}
