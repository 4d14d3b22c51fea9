package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.csat.Transcript;
import dev.sessionflow.activities.settings.LocalTexts;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.activities.SystemMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transcripts: each message stored once per (conversation, author, message id), in one global
 * sequence, and read back in order. Which session a message belongs to is decided before, under the
 * conversation's lock ({@link ConversationStore}); callers own the transaction.
 */
@Repository
public class MessageStore implements Transcript {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ObjectProvider<MessagesCommitted> committed;
  private final LocalTexts texts;

  public MessageStore(
      JdbcClient jdbc, Clock clock, ObjectProvider<MessagesCommitted> committed, LocalTexts texts) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.committed = committed;
    this.texts = texts;
  }

  /** A message as the store holds it: its sequence number and when it was stored. */
  record Stored(long seq, Instant at) {}

  /** Whether a stored message opened, or reopened, its session. */
  record SessionFlags(boolean opened, boolean reopened) {}

  /** Inserts a message once; answers its sequence number and time (seq 0 if it was there). */
  Stored insert(NewMessage m) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the column holds it
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    int inserted =
        jdbc.sql(
                """
            insert into messages (conversation_id, message_id, session_id, author, agent_id, kind,
              text, survey_id, opened_session, sent_at)
            values (:conversation, :id, :session, :author, :agent, :kind, :text, :survey,
              :opened, :at)
            on conflict do nothing
            """)
            .param("conversation", m.conversationId())
            .param("id", m.messageId())
            .param("session", m.sessionId())
            .param("author", m.author())
            .param("agent", m.agentId())
            .param("kind", m.kind())
            .param("text", m.text())
            .param("survey", m.surveyId())
            .param("opened", m.openedSession())
            .param("at", Times.db(now))
            .update(key, "seq");
    if (inserted == 0) {
      return new Stored(0, now);
    }
    long seq = key.getKey().longValue();
    tellOnceCommitted(m.conversationId(), seq);
    return new Stored(seq, now);
  }

  /**
   * Posts a SYSTEM message once per message id, naming the survey it invites to (if any; never its
   * token), in the end user's language where the admin translated it. Callers own the transaction.
   */
  @Override
  public void postSystemMessage(SystemMessage m, String surveyId) {
    insert(NewMessage.fromSystem(texts.localized(m), surveyId));
  }

  /** Marks an end-user message as the one that reopened its session. */
  void markReopening(String conversationId, String messageId) {
    jdbc.sql(
            """
            update messages set reopened_session = true
            where conversation_id = :c and author = 'END_USER' and message_id = :m
            """)
        .param("c", conversationId)
        .param("m", messageId)
        .update();
  }

  Optional<StoredMessage> find(String conversationId, String author, String messageId) {
    return jdbc.sql(
            """
            select * from messages
            where conversation_id = :conversation and author = :author and message_id = :id
            """)
        .param("conversation", conversationId)
        .param("author", author)
        .param("id", messageId)
        .query(MessageStore::map)
        .optional();
  }

  /** What a stored message did to its session: a repeat of it answers alike. */
  SessionFlags sessionFlags(StoredMessage message) {
    return jdbc.sql("select opened_session, reopened_session from messages where seq = :seq")
        .param("seq", message.seq())
        .query((rs, row) -> new SessionFlags(rs.getBoolean(1), rs.getBoolean(2)))
        .single();
  }

  /**
   * A page of the transcript in order, the messages after {@code afterSeq} (0 for the first page),
   * or empty if the conversation is unknown.
   *
   * @param onlySessions the sessions whose messages the page holds; null for all
   */
  public Optional<List<StoredMessage>> transcript(
      String conversationId, long afterSeq, int limit, Collection<String> onlySessions) {
    List<StoredMessage> page =
        jdbc.sql(
                """
                select * from messages where conversation_id = :id and seq > :after
                  and (:all or session_id in (:sessions))
                order by seq limit :limit
                """)
            .param("id", conversationId)
            .param("after", afterSeq)
            .param("all", onlySessions == null)
            .param(
                "sessions",
                onlySessions == null || onlySessions.isEmpty() ? List.of("") : onlySessions)
            .param("limit", limit)
            .query(MessageStore::map)
            .list();
    if (page.isEmpty() && !known(conversationId)) {
      return Optional.empty();
    }
    return Optional.of(page);
  }

  /** The transcript in order, or empty if the conversation is unknown. */
  public Optional<List<StoredMessage>> transcript(String conversationId) {
    if (!known(conversationId)) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("select * from messages where conversation_id = :id order by seq")
            .param("id", conversationId)
            .query(MessageStore::map)
            .list());
  }

  /**
   * The conversation's latest {@code limit} messages, oldest first (none for an unknown one): what
   * a live view shows, read without the whole history however long the conversation grew.
   */
  public List<StoredMessage> latest(String conversationId, int limit) {
    return jdbc.sql(
            """
            select * from (select * from messages where conversation_id = :id
              order by seq desc limit :limit) latest order by seq
            """)
        .param("id", conversationId)
        .param("limit", limit)
        .query(MessageStore::map)
        .list();
  }

  private boolean known(String conversationId) {
    return jdbc.sql("select count(*) from conversations where conversation_id = :id")
            .param("id", conversationId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Tells {@link MessagesCommitted} of a new message once its transaction has committed. */
  private void tellOnceCommitted(String conversationId, long seq) {
    MessagesCommitted listener = committed.getIfAvailable();
    if (listener == null) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      listener.committed(conversationId, seq);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            listener.committed(conversationId, seq);
          }
        });
  }

  private static StoredMessage map(ResultSet rs, int row) throws SQLException {
    return new StoredMessage(
        rs.getLong("seq"),
        rs.getString("message_id"),
        rs.getString("session_id"),
        rs.getString("author"),
        rs.getString("agent_id"),
        rs.getString("kind"),
        rs.getString("text"),
        rs.getString("survey_id"),
        Times.instant(rs, "sent_at"));
  }
}
