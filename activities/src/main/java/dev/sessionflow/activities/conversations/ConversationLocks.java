package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.settings.SettingsStore;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conversation's row lock, which orders everything that decides a message's session: first
 * messages, reopening, an agent's message against the session's end, and the close.
 */
@Repository
public class ConversationLocks {
  private final JdbcClient jdbc;

  public ConversationLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the conversation row and reads it, with its open session's ticket and the current
   * settings version (the message's signal carries it) in the same round trip. Neither of those two
   * rows is locked. After waiting for the lock, the row is the one just committed but the two
   * subqueries may answer as of before the wait: the settings version is then still one the
   * settings had while the message was being stored; a ticket that is missing is read again.
   * Callers own the transaction; empty for a conversation not stored yet.
   */
  Optional<Conversation> lock(String conversationId) {
    return jdbc.sql(
            """
            select c.*,
              (select s.ticket_id from sessions s where s.session_id = c.open_session_id)
                as open_ticket_id,
              %s as settings_version
            from conversations c where c.conversation_id = :id for update
            """
                .formatted(SettingsStore.VERSION_QUERY))
        .param("id", conversationId)
        .query(
            (rs, row) ->
                new Conversation(
                    rs.getString("conversation_id"),
                    rs.getString("end_user_id"),
                    rs.getString("end_user_name"),
                    rs.getString("open_session_id"),
                    rs.getString("open_ticket_id"),
                    rs.getLong("settings_version")))
        .optional();
  }

  /** Makes {@code sessionId} the conversation's open session (null: none is open). */
  void setOpenSession(String conversationId, String sessionId) {
    jdbc.sql("update conversations set open_session_id = :session where conversation_id = :id")
        .param("session", sessionId)
        .param("id", conversationId)
        .update();
  }
}
