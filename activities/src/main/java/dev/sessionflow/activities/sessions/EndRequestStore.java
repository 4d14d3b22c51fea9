package dev.sessionflow.activities.sessions;

import dev.sessionflow.activities.support.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * End requests made under an {@code Idempotency-Key}: which session a caller's key ended, and its
 * answer, kept {@link #KEPT_FOR}. Shared by every replica of the service through the database.
 */
@Repository
public class EndRequestStore {
  public static final Duration KEPT_FOR = Duration.ofHours(24);

  /**
   * A caller's key and what it was first used for.
   *
   * @param endedBy null until the end was answered
   */
  public record KeyedEnd(
      String sessionId, String endedBy, String endReason, Instant endedAt, Instant createdAt) {
    public boolean answered() {
      return endedBy != null;
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  public EndRequestStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The key's first use by this caller, if it is younger than {@link #KEPT_FOR}. */
  public Optional<KeyedEnd> find(String caller, String key) {
    return jdbc.sql(
            """
            select * from end_requests
            where caller = :caller and idem_key = :key and created_at > :since
            """)
        .param("caller", caller)
        .param("key", key)
        .param("since", Times.db(clock.instant().minus(KEPT_FOR)))
        .query(
            (rs, row) ->
                new KeyedEnd(
                    rs.getString("session_id"),
                    rs.getString("ended_by"),
                    rs.getString("end_reason"),
                    Times.instant(rs, "ended_at"),
                    Times.instant(rs, "created_at")))
        .optional();
  }

  /** Records the key's first use for a session (a repeat keeps the first); drops expired keys. */
  public void claim(String caller, String key, String sessionId) {
    Instant now = clock.instant();
    jdbc.sql("delete from end_requests where created_at <= :since")
        .param("since", Times.db(now.minus(KEPT_FOR)))
        .update();
    jdbc.sql(
            """
            insert into end_requests (caller, idem_key, session_id, created_at)
            values (:caller, :key, :session, :now) on conflict do nothing
            """)
        .param("caller", caller)
        .param("key", key)
        .param("session", sessionId)
        .param("now", Times.db(now))
        .update();
  }

  /** Keeps the answer the key got, for its repeats. */
  public void answer(String caller, String key, String endedBy, String endReason, Instant endedAt) {
    jdbc.sql(
            """
            update end_requests set ended_by = :endedBy, end_reason = :reason, ended_at = :endedAt
            where caller = :caller and idem_key = :key and ended_by is null
            """)
        .param("endedBy", endedBy)
        .param("reason", endReason)
        .param("endedAt", Times.db(endedAt))
        .param("caller", caller)
        .param("key", key)
        .update();
  }
}
