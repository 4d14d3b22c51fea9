package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.ChannelOverride;
import dev.sessionflow.activities.settings.CsatOverride;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.worker.api.ClosedObject;
import dev.sessionflow.worker.api.NotNullWhenSent;
import dev.sessionflow.worker.api.NullTurnsOff;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One channel's overrides as the settings' body has them: the keys of the account's settings that
 * this channel's sessions run with instead. A key left out keeps the account's value; JSON null
 * turns off what can be off (the auto-close, the warning, business hours, the out-of-hours text).
 */
@ClosedObject
@Schema(name = "ChannelChange", additionalProperties = AdditionalPropertiesValue.FALSE)
public record ChannelInput(
    @NotNullWhenSent @Schema(implementation = SettingsChangeRequest.SettingDuration.class)
        String inactiveAfter,
    @NullTurnsOff @Schema(implementation = SettingsChangeRequest.DurationOrOff.class)
        Optional<String> autoCloseAfter,
    @NullTurnsOff @Schema(implementation = SettingsChangeRequest.DurationOrOff.class)
        Optional<String> warnBeforeClose,
    @NotNullWhenSent
        @Schema(minLength = 1, maxLength = Limits.SETTINGS_TEXT, pattern = Limits.NOT_BLANK_PATTERN)
        String warningText,
    @NotNullWhenSent
        @Schema(minLength = 1, maxLength = Limits.SETTINGS_TEXT, pattern = Limits.NOT_BLANK_PATTERN)
        String endedNoticeText,
    @NotNullWhenSent @Schema(allowableValues = {"CALENDAR", "BUSINESS_HOURS"}) String timersCount,
    @NullTurnsOff
        @Schema(
            types = {"object", "null"},
            implementation = BusinessHoursInput.class)
        Optional<@Valid BusinessHoursInput> businessHours,
    @NullTurnsOff
        @Schema(
            types = {"string", "null"},
            minLength = 1,
            maxLength = Limits.SETTINGS_TEXT,
            pattern = Limits.NOT_BLANK_PATTERN)
        Optional<String> outOfHoursText,
    @NotNullWhenSent @Valid SettingsChangeRequest.Csat csat) {

  /** As the store keeps it; {@code prefix} names the fields of a bad duration. */
  ChannelOverride toOverride(String prefix) {
    Set<String> off = new HashSet<>();
    return new ChannelOverride(
        inactiveAfter == null ? null : Durations.parse(prefix + "inactiveAfter", inactiveAfter),
        value(
            off,
            "autoCloseAfter",
            autoCloseAfter,
            v -> Durations.parse(prefix + "autoCloseAfter", v)),
        value(
            off,
            "warnBeforeClose",
            warnBeforeClose,
            v -> Durations.parse(prefix + "warnBeforeClose", v)),
        warningText,
        endedNoticeText,
        timersCount == null ? null : SettingsService.timersCount(timersCount),
        value(off, "businessHours", businessHours, BusinessHoursInput::toSchedule),
        value(off, "outOfHoursText", outOfHoursText, v -> v),
        csat == null ? null : csat(prefix),
        off);
  }

  private CsatOverride csat(String prefix) {
    return new CsatOverride(
        csat.sendWhenEndedBy() == null ? null : Set.copyOf(csat.sendWhenEndedBy()),
        csat.requireAgentReply(),
        csat.minEndUserMessages(),
        csat.expiresAfter() == null
            ? null
            : Durations.parse(prefix + "csat.expiresAfter", csat.expiresAfter()),
        csat.question(),
        csat.scale());
  }

  /** Left out: null; JSON null: null, and the field named in {@code off}; else the value. */
  private static <T, R> R value(
      Set<String> off, String field, Optional<T> sent, java.util.function.Function<T, R> read) {
    if (sent == null) {
      return null;
    }
    if (sent.isEmpty()) {
      off.add(field);
      return null;
    }
    return read.apply(sent.get());
  }
}
