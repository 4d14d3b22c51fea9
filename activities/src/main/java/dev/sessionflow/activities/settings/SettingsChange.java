package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.webhooks.Webhook;
import dev.sessionflow.workflows.session.SessionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A partial update of the settings. A field left out is {@code null}; a field given as JSON null is
 * {@code Optional.empty()} (only the two timers that can be turned off take that). {@code policy}
 * is applied to the stored policy under the settings row's lock, so two partial saves of different
 * policy keys both hold; {@code webhooks}, {@code widgetOrigins}, {@code texts} and {@code
 * channels} replace the stored ones whole.
 */
public record SettingsChange(
    Boolean agentsCanEndSessions,
    Duration inactiveAfter,
    Optional<Duration> autoCloseAfter,
    Optional<Duration> warnBeforeClose,
    String warningText,
    String endedNoticeText,
    UnaryOperator<SessionPolicy> policy,
    List<Webhook> webhooks,
    List<String> widgetOrigins,
    BusinessHoursChange hours,
    Map<String, LocaleTexts> texts,
    Map<String, ChannelOverride> channels) {

  /**
   * The settings as this change leaves {@code now}: what it names replaces, what it leaves out
   * stays. Once an admin chose {@code agentsCanEndSessions}, the account default no longer applies.
   */
  MessagingSettings applyTo(MessagingSettings now) {
    return new MessagingSettings(
        agentsCanEndSessions != null ? agentsCanEndSessions : now.agentsCanEndSessions(),
        now.agentsCanEndSessionsExplicit() || agentsCanEndSessions != null,
        inactiveAfter != null ? inactiveAfter : now.inactiveAfter(),
        autoCloseAfter != null ? autoCloseAfter.orElse(null) : now.autoCloseAfter(),
        warnBeforeClose != null ? warnBeforeClose.orElse(null) : now.warnBeforeClose(),
        warningText != null ? warningText : now.warningText(),
        endedNoticeText != null ? endedNoticeText : now.endedNoticeText(),
        now.messagingEnabledAt(),
        now.updatedAt(),
        policy != null ? policy.apply(now.policy()) : now.policy(),
        webhooks != null ? webhooks : now.webhooks(),
        widgetOrigins != null ? widgetOrigins : now.widgetOrigins(),
        hours != null ? hours.applyTo(now.hours()) : now.hours(),
        texts != null ? texts : now.texts(),
        channels != null ? channels : now.channels(),
        now.version());
  }
}
