package dev.sessionflow.activities.retention;

import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.activities.support.Times;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How long transcripts are kept after their session ended; unset, for ever. */
@Component
public class RetentionSettings {
  /**
   * Whole days, from P1D (a shorter setting would purge a chat an agent may still be reading) to
   * P3650D; one pattern for the OpenAPI document and the store, so that they cannot disagree.
   */
  public static final String PATTERN =
      "^P(?:[1-9][0-9]{0,2}|[12][0-9]{3}|3[0-5][0-9]{2}|36[0-4][0-9]|3650)D$";

  private static final java.util.regex.Pattern DAYS = java.util.regex.Pattern.compile(PATTERN);

  private final JdbcClient jdbc;
  private final Clock clock;

  public RetentionSettings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Duration> transcriptsKeptFor() {
    return jdbc.sql("select transcripts_kept_for from retention_settings where id = 1")
        .query(String.class)
        .optional()
        .map(Duration::parse);
  }

  /**
   * Sets the period (null: keep for ever).
   *
   * @throws InvalidInputException naming {@code transcriptsKeptFor} when it is out of range
   */
  public void set(String transcriptsKeptFor, String by) {
    Duration period = parse(transcriptsKeptFor);
    // The one row exists from the migration on.
    jdbc.sql(
            """
            update retention_settings set transcripts_kept_for = :period, updated_at = :now,
              updated_by = :by where id = 1
            """)
        .param("period", period == null ? null : period.toString())
        .param("now", Times.db(clock.instant()))
        .param("by", by)
        .update();
  }

  static Duration parse(String value) {
    if (value == null) {
      return null;
    }
    if (!DAYS.matcher(value).matches()) {
      throw invalid("whole days from P1D to P3650D, such as P365D");
    }
    return Duration.parse(value);
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException(Map.of("transcriptsKeptFor", message));
  }
}
