package dev.sessionflow.worker.widget;

import dev.sessionflow.activities.settings.Locales;
import dev.sessionflow.activities.support.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message the visitor writes. {@code messageId}, chosen by the frame, makes a resend after a lost
 * answer safe: the same id is stored once. {@code locale} is the browser's language.
 */
public record WidgetMessageRequest(
    @NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{8,64}$") String messageId,
    @NotNull @Size(min = 1, max = Limits.MESSAGE_TEXT) String text,
    @Size(max = Locales.MAX_LENGTH) @Pattern(regexp = Locales.PATTERN) String locale) {}
