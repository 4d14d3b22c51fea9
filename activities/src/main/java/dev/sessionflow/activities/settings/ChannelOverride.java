package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.hours.BusinessHours;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What one channel's sessions run with instead of the account's settings: each field left null
 * keeps the account's value, and {@code turnedOff} names what the channel turns off where the
 * account has it ({@code autoCloseAfter}, {@code warnBeforeClose}, {@code businessHours}, {@code
 * outOfHoursText}).
 */
public record ChannelOverride(
    Duration inactiveAfter,
    Duration autoCloseAfter,
    Duration warnBeforeClose,
    String warningText,
    String endedNoticeText,
    TimersCount timersCount,
    BusinessHours businessHours,
    String outOfHoursText,
    CsatOverride csat,
    Set<String> turnedOff) {
  /** A channel's name, as a message's {@code channel} and the settings' keys name it. */
  public static final String NAME_PATTERN = "^[a-z0-9][a-z0-9_-]{0,31}$";

  /** What a channel may turn off. */
  public static final Set<String> CAN_TURN_OFF =
      Set.of("autoCloseAfter", "warnBeforeClose", "businessHours", "outOfHoursText");

  public ChannelOverride {
    turnedOff = turnedOff == null ? Set.of() : Set.copyOf(turnedOff);
  }

  /** The account's settings with this channel's overrides applied. */
  MessagingSettings applyTo(MessagingSettings account) {
    return new SettingsChange(
            null,
            inactiveAfter,
            optional("autoCloseAfter", autoCloseAfter),
            optional("warnBeforeClose", warnBeforeClose),
            warningText,
            endedNoticeText,
            csat == null ? null : csat::applyTo,
            null,
            null,
            new BusinessHoursChange(
                timersCount,
                optional("businessHours", businessHours),
                optional("outOfHoursText", outOfHoursText)),
            null,
            null)
        .applyTo(account);
  }

  /** Turned off: empty; set: the value; neither: null, the account's. */
  private <T> Optional<T> optional(String field, T value) {
    if (turnedOff.contains(field)) {
      return Optional.empty();
    }
    return value == null ? null : Optional.of(value);
  }
}
