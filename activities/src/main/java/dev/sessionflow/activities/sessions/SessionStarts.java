package dev.sessionflow.activities.sessions;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.session.ChatMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of session starts: {@link SessionStore#open} writes a row in the transaction that
 * opens the session, the API deletes it once the workflow is started; the reconciler starts those a
 * crash left behind.
 */
@Repository
public class SessionStarts {
  private final JdbcClient jdbc;
  private final Clock clock;

  public SessionStarts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** In the transaction that opens the session. */
  void pending(String sessionId) {
    jdbc.sql("insert into session_starts (session_id, created_at) values (:id, :now)")
        .param("id", sessionId)
        .param("now", Times.db(clock.instant()))
        .update();
  }

  /** Its workflow is started (or was already). */
  public void started(String sessionId) {
    jdbc.sql("delete from session_starts where session_id = :id").param("id", sessionId).update();
  }

  /** Starts still pending since before {@code before}, oldest first. */
  public List<String> leftBehind(Instant before, int limit) {
    return jdbc.sql(
            "select session_id from session_starts where created_at < :before"
                + " order by created_at limit :limit")
        .param("before", Times.db(before))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** The session's latest end-user message, as its signal carries it: the start's first signal. */
  public Optional<ChatMessage> latestEndUserMessage(String sessionId) {
    return jdbc.sql(
            """
            select message_id, seq, sent_at from messages
            where session_id = :id and author = 'END_USER' order by seq desc limit 1
            """)
        .param("id", sessionId)
        .query(
            (rs, row) ->
                ChatMessage.fromEndUser(rs.getString("message_id"))
                    .stored(rs.getLong("seq"), Times.instant(rs, "sent_at")))
        .optional();
  }
}
