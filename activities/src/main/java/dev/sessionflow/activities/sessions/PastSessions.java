package dev.sessionflow.activities.sessions;

import dev.sessionflow.activities.support.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions opened since a moment, each with when its end user and agents wrote and how it ended:
 * what a settings preview replays. Read only, a page of sessions at a time, so a preview over a
 * busy month holds one page in memory, not the month.
 */
@Repository
public class PastSessions {
  /** Sessions per read; their messages come in the same statement. */
  static final int PAGE = 1000;

  private final JdbcClient jdbc;

  public PastSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A message of the end user's or an agent's (system notices move no timer). */
  public record Message(boolean fromAgent, Instant sentAt) {}

  /**
   * A stored session.
   *
   * @param endedBy AGENT, ADMIN, END_USER or SYSTEM; null while it runs
   * @param endedVia the macro or trigger that ended it, if one did
   * @param channel the channel it opened in, whose settings it ran with
   */
  public record Session(
      String sessionId,
      String ticketId,
      Instant openedAt,
      List<Message> messages,
      String endedBy,
      String endReason,
      String endedVia,
      Instant endedAt,
      String channel) {}

  /**
   * Hands every session opened at or after {@code since} to {@code each}, oldest first.
   *
   * @return how many it handed over
   */
  public int forEachOpenedSince(Instant since, Consumer<Session> each) {
    int count = 0;
    Instant afterOpened = since;
    String afterId = "";
    while (true) {
      List<Session> page = page(since, afterOpened, afterId);
      page.forEach(each);
      count += page.size();
      if (page.size() < PAGE) {
        return count;
      }
      afterOpened = page.getLast().openedAt();
      afterId = page.getLast().sessionId();
    }
  }

  private List<Session> page(Instant since, Instant afterOpened, String afterId) {
    List<Session> sessions = new ArrayList<>();
    jdbc.sql(
            """
            select s.session_id, s.ticket_id, s.opened_at, s.ended_by, s.end_reason, s.ended_via,
              s.ended_at, s.channel, m.author, m.sent_at
            from (select * from sessions
                  where opened_at >= :since
                    and (opened_at > :afterOpened
                         or (opened_at = :afterOpened and session_id > :afterId))
                  order by opened_at, session_id limit :page) s
            left join messages m on m.session_id = s.session_id
              and m.author in ('END_USER', 'AGENT')
            order by s.opened_at, s.session_id, m.seq
            """)
        .param("since", Times.db(since))
        .param("afterOpened", Times.db(afterOpened))
        .param("afterId", afterId)
        .param("page", PAGE)
        .query(
            (ResultSet rs) -> {
              String id = rs.getString("session_id");
              if (sessions.isEmpty() || !sessions.getLast().sessionId().equals(id)) {
                sessions.add(session(rs));
              }
              String author = rs.getString("author");
              if (author != null) {
                sessions
                    .getLast()
                    .messages()
                    .add(new Message("AGENT".equals(author), Times.instant(rs, "sent_at")));
              }
            });
    return sessions;
  }

  private static Session session(ResultSet rs) throws SQLException {
    return new Session(
        rs.getString("session_id"),
        rs.getString("ticket_id"),
        Times.instant(rs, "opened_at"),
        new ArrayList<>(),
        rs.getString("ended_by"),
        rs.getString("end_reason"),
        rs.getString("ended_via"),
        Times.instant(rs, "ended_at"),
        rs.getString("channel"));
  }
}
