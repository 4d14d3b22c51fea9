package dev.sessionflow.activities.erasure;

import dev.sessionflow.activities.datakeys.StoredDataKeys;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.erasure.Erased;
import dev.sessionflow.workflows.erasure.Erasure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An end user's personal data in the store, and its erasure. */
@Component
public class EndUserData {
  public static final String AUDIT_KIND = "ERASED";

  private final JdbcClient jdbc;
  private final Transactions transactions;
  private final Clock clock;
  private final StoredDataKeys dataKeys;

  public EndUserData(
      JdbcClient jdbc, Transactions transactions, Clock clock, StoredDataKeys dataKeys) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.dataKeys = dataKeys;
  }

  /** The end user as records and ids outside the store may name them: a SHA-256, in hex. */
  public static String subjectHash(String endUserId) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(endUserId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<String> openSessions(String endUserId) {
    return jdbc.sql(
            "select session_id from sessions where end_user_id = :id and status <> 'ENDED'"
                + " order by opened_at")
        .param("id", endUserId)
        .query(String.class)
        .list();
  }

  /** Every session of the end user, ended or not. */
  public List<String> sessions(String endUserId) {
    return jdbc.sql("select session_id from sessions where end_user_id = :id order by opened_at")
        .param("id", endUserId)
        .query(String.class)
        .list();
  }

  /**
   * Whether the session has ended and its ticket is settled: its workflow has nothing left to do.
   */
  public boolean endedAndSettled(String sessionId) {
    return jdbc.sql(
                """
            select count(*) from sessions s join tickets t on t.ticket_id = s.ticket_id
            where s.session_id = :id and s.status = 'ENDED' and t.settled_at is not null
            """)
            .param("id", sessionId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Destroys the data keys of the end user's sessions, so what Temporal holds of them opens
   * nowhere, adds the count to the erasure's record and answers the record's count: a repeat (a
   * retry after a crash that followed the commit) destroys nothing more and answers the same.
   */
  public int destroyDataKeys(Erasure erasure) {
    return transactions.inTransaction(
        () -> {
          int destroyed = dataKeys.destroy(sessions(erasure.endUserId()));
          String hash = subjectHash(erasure.endUserId());
          jdbc.sql(
                  """
                  update end_user_erasures
                  set data_keys_destroyed = coalesce(data_keys_destroyed, 0) + :n
                  where id = (select max(id) from end_user_erasures where subject_hash = :hash)
                  """)
              .param("n", destroyed)
              .param("hash", hash)
              .update();
          return jdbc.sql(
                  """
                  select coalesce(max(data_keys_destroyed), :n) from end_user_erasures
                  where id = (select max(id) from end_user_erasures where subject_hash = :hash)
                  """)
              .param("n", destroyed)
              .param("hash", hash)
              .query(Integer.class)
              .single();
        });
  }

  /** Empties what the end user said and was told, and audits it; a repeat empties nothing more. */
  public Erased erase(Erasure erasure) {
    return transactions.inTransaction(
        () -> {
          List<String> conversations =
              jdbc.sql("select conversation_id from conversations where end_user_id = :id")
                  .param("id", erasure.endUserId())
                  .query(String.class)
                  .list();
          Erased erased =
              conversations.isEmpty() ? new Erased(0, 0, 0, 0, 0) : erase(conversations, erasure);
          record(erasure, erased);
          return erased;
        });
  }

  private Erased erase(List<String> conversations, Erasure erasure) {
    long messages =
        jdbc.sql("update messages set text = '' where conversation_id in (:c) and text <> ''")
            .param("c", conversations)
            .update();
    jdbc.sql("update conversations set end_user_name = null where conversation_id in (:c)")
        .param("c", conversations)
        .update();
    // An erased conversation reopens no more: its next message starts a new session.
    jdbc.sql("update sessions set reopen_until = null where conversation_id in (:c)")
        .param("c", conversations)
        .update();
    long comments =
        jdbc.sql(
                """
                update surveys set comment = null where comment is not null and session_id in
                  (select session_id from sessions where conversation_id in (:c))
                """)
            .param("c", conversations)
            .update();
    long tickets =
        jdbc.sql(
                """
                insert into ticket_audit (ticket_id, session_id, kind, step_key, detail, at)
                select s.ticket_id, s.session_id, :kind, '', :detail, :now from sessions s
                where s.conversation_id in (:c) and not exists (select 1 from ticket_audit a
                  where a.ticket_id = s.ticket_id and a.session_id = s.session_id
                    and a.kind = :kind and a.step_key = '')
                """)
            .param("kind", AUDIT_KIND)
            .param("detail", "personal data erased on request of " + erasure.requestedBy())
            .param("now", Times.db(clock.instant()))
            .param("c", conversations)
            .update();
    return new Erased(0, conversations.size(), messages, comments, tickets);
  }

  private void record(Erasure erasure, Erased erased) {
    jdbc.sql(
            """
            insert into end_user_erasures (subject_hash, requested_by, completed_at,
              conversations, messages, survey_comments, tickets)
            values (:hash, :by, :now, :conversations, :messages, :comments, :tickets)
            """)
        .param("hash", subjectHash(erasure.endUserId()))
        .param("by", erasure.requestedBy())
        .param("now", Times.db(clock.instant()))
        .param("conversations", erased.conversations())
        .param("messages", erased.messages())
        .param("comments", erased.surveyComments())
        .param("tickets", erased.tickets())
        .update();
  }
}
