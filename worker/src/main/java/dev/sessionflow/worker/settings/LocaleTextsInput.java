package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.LocaleTexts;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.worker.api.ClosedObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;

/** The texts of one locale as the settings' body has them; a text left out or null falls back. */
@ClosedObject
@Schema(name = "LocaleTextsChange", additionalProperties = AdditionalPropertiesValue.FALSE)
public record LocaleTextsInput(
    @Schema(minLength = 1, maxLength = Limits.SETTINGS_TEXT, pattern = Limits.NOT_BLANK_PATTERN)
        String warningText,
    @Schema(minLength = 1, maxLength = Limits.SETTINGS_TEXT, pattern = Limits.NOT_BLANK_PATTERN)
        String endedText,
    @Schema(minLength = 1, maxLength = Limits.CSAT_QUESTION, pattern = Limits.NOT_BLANK_PATTERN)
        String csatQuestion,
    @Schema(minLength = 1, maxLength = Limits.SETTINGS_TEXT, pattern = Limits.NOT_BLANK_PATTERN)
        String outOfHoursText) {

  public LocaleTexts toTexts() {
    return new LocaleTexts(warningText, endedText, csatQuestion, outOfHoursText);
  }
}
