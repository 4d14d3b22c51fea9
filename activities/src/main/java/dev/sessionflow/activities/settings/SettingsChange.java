package dev.sessionflow.activities.settings;

import java.time.Duration;
import java.util.Optional;

/**
 * A partial update of the settings. A field left out is {@code null}; a field given as JSON null is
 * {@code Optional.empty()} (only the two timers that can be turned off take that).
 */
public record SettingsChange(
    Boolean agentsCanEndSessions,
    Duration inactiveAfter,
    Optional<Duration> autoCloseAfter,
    Optional<Duration> warnBeforeClose,
    String warningText,
    String endedNoticeText) {}
