package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.support.Limits;
import java.util.Map;

/**
 * Whether the texts by locale can be saved: each problem named as {@code texts.pt-BR.endedText}.
 */
final class LocaleTextsRules {
  static final int MAX_LOCALES = 50;

  private LocaleTextsRules() {}

  static void check(Map<String, String> errors, Map<String, LocaleTexts> texts) {
    if (texts.size() > MAX_LOCALES) {
      errors.put("texts", "at most " + MAX_LOCALES + " locales");
      return;
    }
    texts.forEach(
        (locale, t) -> {
          String field = "texts." + locale;
          if (!locale.equals(Locales.normalized(locale))) {
            errors.put(
                field, "must be a BCP 47 language tag as written canonically, such as pt-BR");
          } else if (t == null) {
            errors.put(field, "must be an object of texts");
          } else {
            text(errors, field + ".warningText", t.warningText(), Limits.SETTINGS_TEXT);
            text(errors, field + ".endedText", t.endedText(), Limits.SETTINGS_TEXT);
            text(errors, field + ".csatQuestion", t.csatQuestion(), Limits.CSAT_QUESTION);
            text(errors, field + ".outOfHoursText", t.outOfHoursText(), Limits.SETTINGS_TEXT);
          }
        });
  }

  /** Null falls back; a text that is sent must say something. */
  private static void text(Map<String, String> errors, String field, String value, int max) {
    if (value != null && (value.isBlank() || value.length() > max)) {
      errors.put(field, "must be 1 to " + max + " characters, or null to fall back");
    }
  }
}
