package dev.sessionflow.activities.webhooks;

import dev.sessionflow.activities.support.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook lanes' positions (table {@code channel_lanes}) and what lies past them: each
 * conversation's messages in sequence order, with their session's ticket and end user.
 */
@Repository
public class ChannelLanes {

  /** A message as a lane delivers it. */
  public record LaneMessage(
      long seq,
      String conversationId,
      String sessionId,
      String ticketId,
      String endUserId,
      String messageId,
      String author,
      String agentId,
      String kind,
      String text,
      String surveyId,
      boolean openedSession,
      Instant at) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public ChannelLanes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Where the lane stands: its stored position, or for a new lane just before the first message of
   * the session that holds {@code fromSeq} (so messages stored concurrently with it are not lost).
   */
  public long position(String hookId, String conversationId, long fromSeq) {
    return jdbc.sql(
            "select delivered_seq from channel_lanes where hook_id = :hook and conversation_id = :c")
        .param("hook", hookId)
        .param("c", conversationId)
        .query(Long.class)
        .optional()
        .orElseGet(() -> sessionStart(conversationId, fromSeq) - 1);
  }

  private long sessionStart(String conversationId, long seq) {
    return jdbc.sql(
            """
            select min(m.seq) from messages m where m.session_id =
              (select session_id from messages where conversation_id = :c and seq = :seq)
            """)
        .param("c", conversationId)
        .param("seq", seq)
        .query(Long.class)
        .optional()
        .orElse(seq);
  }

  /** Up to {@code limit} messages of the conversation past {@code position}, in order. */
  public List<LaneMessage> after(String conversationId, long position, int limit) {
    return jdbc.sql(
            """
            select m.*, s.ticket_id, s.end_user_id from messages m
            join sessions s on s.session_id = m.session_id
            where m.conversation_id = :c and m.seq > :p order by m.seq limit :n
            """)
        .param("c", conversationId)
        .param("p", position)
        .param("n", limit)
        .query(
            (rs, row) ->
                new LaneMessage(
                    rs.getLong("seq"),
                    rs.getString("conversation_id"),
                    rs.getString("session_id"),
                    rs.getString("ticket_id"),
                    rs.getString("end_user_id"),
                    rs.getString("message_id"),
                    rs.getString("author"),
                    rs.getString("agent_id"),
                    rs.getString("kind"),
                    rs.getString("text"),
                    rs.getString("survey_id"),
                    rs.getBoolean("opened_session"),
                    Times.instant(rs, "sent_at")))
        .list();
  }

  /** A conversation whose lane to a webhook is behind the store, and its latest message. */
  public record Behind(String conversationId, long seq) {}

  /**
   * Conversations with a message stored in {@code [since, before)}, after the webhook was made,
   * that the webhook's lane has not delivered: a crash between the commit and the wake, or a wake
   * that could not reach Temporal.
   */
  public List<Behind> behind(String hookId, Instant since, Instant before, int limit) {
    return jdbc.sql(
            """
            select m.conversation_id, max(m.seq) as seq from messages m
            join webhooks w on w.hook_id = :hook
            left join channel_lanes l
              on l.hook_id = w.hook_id and l.conversation_id = m.conversation_id
            where m.sent_at >= :since and m.sent_at < :before and m.sent_at >= w.created_at
              and (l.delivered_seq is null or m.seq > l.delivered_seq)
            group by m.conversation_id order by max(m.seq) limit :n
            """)
        .param("hook", hookId)
        .param("since", Times.db(since))
        .param("before", Times.db(before))
        .param("n", limit)
        .query((rs, row) -> new Behind(rs.getString("conversation_id"), rs.getLong("seq")))
        .list();
  }

  /** Moves the lane past {@code seq} (never back: a late repeat of a step changes nothing). */
  public void advance(String hookId, String conversationId, long seq) {
    Instant now = clock.instant();
    int moved =
        jdbc.sql(
                """
                update channel_lanes set delivered_seq = :seq, updated_at = :now
                where hook_id = :hook and conversation_id = :c and delivered_seq < :seq
                """)
            .param("seq", seq)
            .param("now", Times.db(now))
            .param("hook", hookId)
            .param("c", conversationId)
            .update();
    if (moved == 0) {
      jdbc.sql(
              """
              insert into channel_lanes (hook_id, conversation_id, delivered_seq, updated_at)
              values (:hook, :c, :seq, :now) on conflict do nothing
              """)
          .param("hook", hookId)
          .param("c", conversationId)
          .param("seq", seq)
          .param("now", Times.db(now))
          .update();
    }
  }
}
