package dev.sessionflow.activities.webhooks;

import dev.sessionflow.activities.support.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery attempts of each event to each webhook, so that admins see how their receivers are
 * doing: one row per (hook, event) with its attempt count and last answer, kept a few days.
 */
@Repository
public class WebhookDeliveries {
  /** How long rows are kept: well past the day a delivery is retried for. */
  static final Duration KEPT = Duration.ofDays(3);

  /** How a delivery attempt ended. */
  public enum Outcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** It did not (or could not be reached); the delivery is retried, for up to a day. */
    FAILING,
    /** It answered 410 Gone, or its address is not allowed: the delivery stopped. */
    STOPPED
  }

  /**
   * The last delivery to a hook.
   *
   * @param attempts how many times it was posted so far
   * @param httpStatus the receiver's last answer, null when it was not reached
   * @param error why the last attempt failed, null when it was delivered
   */
  public record Delivery(
      String hookId,
      String eventId,
      String eventType,
      Outcome outcome,
      int attempts,
      Integer httpStatus,
      String error,
      Instant firstAttemptAt,
      Instant lastAttemptAt) {

    /** A failing delivery is retried for a day after its first attempt, then given up. */
    public boolean givenUp(Instant now) {
      return outcome == Outcome.FAILING && firstAttemptAt.plus(Duration.ofDays(1)).isBefore(now);
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public WebhookDeliveries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records one attempt (the attempts of one event to one hook run one at a time). */
  public void record(
      String hookId,
      String eventId,
      String eventType,
      Outcome outcome,
      Integer httpStatus,
      String error) {
    Instant now = clock.instant();
    String detail = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    int updated =
        jdbc.sql(
                """
                update webhook_deliveries set outcome = :outcome, attempts = attempts + 1,
                  http_status = :status, error = :error, last_attempt_at = :now
                where hook_id = :hook and event_id = :event
                """)
            .param("outcome", outcome.name())
            .param("status", httpStatus)
            .param("error", detail)
            .param("now", Times.db(now))
            .param("hook", hookId)
            .param("event", eventId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into webhook_deliveries (hook_id, event_id, event_type, outcome, attempts,
                http_status, error, first_attempt_at, last_attempt_at)
              values (:hook, :event, :type, :outcome, 1, :status, :error, :now, :now)
              on conflict do nothing
              """)
          .param("hook", hookId)
          .param("event", eventId)
          .param("type", eventType)
          .param("outcome", outcome.name())
          .param("status", httpStatus)
          .param("error", detail)
          .param("now", Times.db(now))
          .update();
      jdbc.sql("delete from webhook_deliveries where hook_id = :hook and last_attempt_at < :before")
          .param("hook", hookId)
          .param("before", Times.db(now.minus(KEPT)))
          .update();
    }
  }

  /** The most recent delivery of each hook that had one, by hook id. */
  public Map<String, Delivery> latest(List<String> hookIds) {
    Map<String, Delivery> latest = new LinkedHashMap<>();
    for (String hookId : hookIds) {
      jdbc.sql(
              """
              select * from webhook_deliveries where hook_id = :hook
              order by last_attempt_at desc, event_id limit 1
              """)
          .param("hook", hookId)
          .query(
              (rs, row) ->
                  new Delivery(
                      rs.getString("hook_id"),
                      rs.getString("event_id"),
                      rs.getString("event_type"),
                      Outcome.valueOf(rs.getString("outcome")),
                      rs.getInt("attempts"),
                      rs.getObject("http_status", Integer.class),
                      rs.getString("error"),
                      Times.instant(rs, "first_attempt_at"),
                      Times.instant(rs, "last_attempt_at")))
          .optional()
          .ifPresent(d -> latest.put(hookId, d));
    }
    return latest;
  }
}
