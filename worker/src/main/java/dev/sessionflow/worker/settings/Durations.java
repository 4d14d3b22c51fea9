package dev.sessionflow.worker.settings;

import dev.sessionflow.worker.api.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings' durations: ISO-8601 from one second to 365 days, as one {@link #PATTERN} the
 * OpenAPI document declares and the service applies, so that the two cannot disagree. Either days
 * with a time of day ({@code P14D}, {@code P1DT12H}) or hours, minutes and seconds as {@link
 * Duration#toString()} writes them ({@code PT30M}, {@code PT336H}, {@code PT1H30M}); every part
 * present is at least 1, so every match is at least one second.
 */
public final class Durations {
  private static final String DAYS = "(?:[1-9]|[1-9][0-9]|[12][0-9]{2}|3[0-5][0-9]|36[0-4])D";
  private static final String HOURS_OF_DAY = "(?:[1-9]|1[0-9]|2[0-3])H";
  private static final String HOURS =
      "(?:[1-9][0-9]{0,2}|[1-7][0-9]{3}|8[0-6][0-9]{2}|87[0-5][0-9])H";
  private static final String MINUTES = "(?:[1-9]|[1-5][0-9])M";
  private static final String SECONDS = "(?:[1-9]|[1-5][0-9])S";

  /** The time after days (under 24 h), and a time alone (up to 8,759 h); each part optional. */
  private static final String TIME_OF_DAY =
      "T(?:"
          + HOURS_OF_DAY
          + "(?:"
          + MINUTES
          + ")?(?:"
          + SECONDS
          + ")?|"
          + MINUTES
          + "(?:"
          + SECONDS
          + ")?|"
          + SECONDS
          + ")";

  private static final String TIME =
      "T(?:" + HOURS + "(?:" + MINUTES + ")?(?:" + SECONDS + ")?|" + MINUTES + "(?:" + SECONDS
          + ")?|" + SECONDS + ")";

  /** A constant expression, so that annotations can carry it. */
  public static final String PATTERN =
      "^P(?:365D|" + DAYS + "(?:" + TIME_OF_DAY + ")?|T8760H|" + TIME + ")$";

  private static final Pattern DURATION = Pattern.compile(PATTERN);

  private Durations() {}

  /** Left out: null (unchanged); JSON null: empty (turned off); else the duration it names. */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType") // null, empty and a value all differ
  static Optional<Duration> optional(String field, Optional<String> value) {
    return value == null ? null : value.map(v -> parse(field, v));
  }

  /** A duration the settings accept, or a {@code 400 validation} naming the field. */
  public static Duration parse(String field, String value) {
    if (DURATION.matcher(value).matches()) {
      return Duration.parse(value);
    }
    throw ApiException.invalid(
        field, "must be an ISO-8601 duration from PT1S to P365D, such as PT30M or P14D");
  }
}
