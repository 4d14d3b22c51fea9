package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.webhooks.Webhook;
import dev.sessionflow.workflows.session.SessionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A partial update of the settings. A field left out is {@code null}; a field given as JSON null is
 * {@code Optional.empty()} (only the two timers that can be turned off take that). {@code policy}
 * is applied to the stored policy under the settings row's lock, so two partial saves of different
 * policy keys both hold; {@code webhooks} and {@code widgetOrigins} replace the stored ones whole.
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
    List<String> widgetOrigins) {}
