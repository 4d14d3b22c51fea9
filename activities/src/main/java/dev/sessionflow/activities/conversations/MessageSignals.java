package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.session.ChatMessage;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of message signals. The API stores a message and its row here in one transaction, then
 * signals the session; once signalled, the row is deleted, in batches off the request's path (a
 * message's answer waits for no delete). A crash between the commit and the signal leaves the row,
 * and the reconciler signals the message again: the session drops a message id it has seen. So does
 * a lost batch of deletes, which costs only a repeated signal.
 */
@Repository
public class MessageSignals {
  private static final Logger log = LoggerFactory.getLogger(MessageSignals.class);

  /** How often the signalled rows are deleted. */
  static final long FLUSH_MILLIS = 200;

  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Long> signalled = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService flusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("message-signals").unstarted(r));

  /** A stored message whose signal may not have reached its session. */
  public record Pending(String sessionId, ChatMessage message) {}

  public MessageSignals(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    flusher.scheduleWithFixedDelay(
        this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** In the transaction that stores the message. */
  void pending(long seq, String sessionId) {
    jdbc.sql(
            "insert into message_signals (seq, session_id, created_at) values (:seq, :s, :now)"
                + " on conflict do nothing")
        .param("seq", seq)
        .param("s", sessionId)
        .param("now", Times.db(clock.instant()))
        .update();
  }

  /** Its session was signalled (or has finished, and keeps it in its transcript). */
  public void signalled(long seq) {
    signalled.add(seq);
  }

  /**
   * Messages whose rows are older than {@code before}, oldest first, as their signals carry them.
   */
  public List<Pending> leftBehind(Instant before, int limit) {
    return jdbc.sql(
            """
            select m.session_id, m.message_id, m.author, m.agent_id, m.seq, m.sent_at,
              m.reopened_session
            from message_signals p join messages m on m.seq = p.seq
            where p.created_at < :before order by p.created_at limit :limit
            """)
        .param("before", Times.db(before))
        .param("limit", limit)
        .query(MessageSignals::pending)
        .list();
  }

  /** Deletes the rows of signalled messages now (also run every {@link #FLUSH_MILLIS}). */
  public void flush() {
    List<Long> batch = new ArrayList<>();
    for (Long seq = signalled.poll(); seq != null; seq = signalled.poll()) {
      batch.add(seq);
      if (batch.size() == BATCH) {
        delete(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      delete(batch);
    }
  }

  private void delete(List<Long> seqs) {
    jdbc.sql("delete from message_signals where seq in (:seqs)").param("seqs", seqs).update();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException storeDown) {
      // The rows stay: the reconciler signals those messages again, which changes nothing.
      log.warn("could not delete signalled messages from the outbox: {}", storeDown.toString());
    }
  }

  @PreDestroy
  void stop() {
    flusher.shutdown();
    flushQuietly();
  }

  private static Pending pending(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("message_id");
    ChatMessage message =
        switch (rs.getString("author")) {
          case "AGENT" -> ChatMessage.fromAgent(id, rs.getString("agent_id"));
          default ->
              rs.getBoolean("reopened_session")
                  ? ChatMessage.reopeningFromEndUser(id)
                  : ChatMessage.fromEndUser(id);
        };
    return new Pending(
        rs.getString("session_id"),
        message.stored(rs.getLong("seq"), Times.instant(rs, "sent_at")));
  }
}
