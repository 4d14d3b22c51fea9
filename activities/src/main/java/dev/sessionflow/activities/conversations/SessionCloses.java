package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.metrics.SessionMetrics;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SystemMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A session's end in the store: ENDED, the notice to the end user, the conversation released; all
 * or nothing under the conversation's lock, and a repeat changes nothing. It lives with the
 * conversations because the lock, the notice and the release are theirs.
 */
@Repository
public class SessionCloses {
  private final JdbcClient jdbc;
  private final Transactions tx;
  private final ConversationLocks locks;
  private final MessageStore messages;
  private final SessionStore sessions;
  private final SessionMetrics metrics;

  public SessionCloses(
      JdbcClient jdbc,
      Transactions tx,
      ConversationLocks locks,
      MessageStore messages,
      SessionStore sessions,
      SessionMetrics metrics) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.locks = locks;
    this.messages = messages;
    this.sessions = sessions;
    this.metrics = metrics;
  }

  /** Ends the session; joins the caller's transaction if there is one. */
  public void close(SessionClosing closing) {
    boolean ended =
        tx.inTransaction(
            () -> {
              locks.lock(closing.conversationId());
              return closeLocked(closing);
            });
    if (ended) {
      counted(closing);
    }
  }

  /**
   * Ends the session under the conversation's lock, which the caller's transaction already holds.
   *
   * @return whether this call ended it: false for a late retry of a round the end user has reopened
   *     since, and for a repeat (its first attempt told the end user already)
   */
  boolean closeLocked(SessionClosing closing) {
    if (!sessions.markEnded(closing)) {
      return false;
    }
    messages.postSystemMessage(endedNotice(closing), null);
    jdbc.sql(
            """
            update conversations set open_session_id = null
            where conversation_id = :id and open_session_id = :session
            """)
        .param("id", closing.conversationId())
        .param("session", closing.sessionId())
        .update();
    return true;
  }

  /** Counts an end that {@link #closeLocked} made, once its transaction has committed. */
  void counted(SessionClosing closing) {
    metrics.sessionEnded(closing.end().endedBy().name(), closing.end().reason());
  }

  /** The ended notice, once per round of the session (a reopened session ends again). */
  private static SystemMessage endedNotice(SessionClosing closing) {
    return new SystemMessage(
        closing.conversationId(),
        closing.sessionId(),
        closing.sessionId() + "-ended" + (closing.round() == 0 ? "" : "-" + closing.round()),
        "SESSION_ENDED",
        closing.endedNoticeText());
  }
}
