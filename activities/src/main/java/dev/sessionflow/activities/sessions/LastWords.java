package dev.sessionflow.activities.sessions;

import dev.sessionflow.activities.support.Times;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a list of sessions shows of each, read for the whole list in one statement: its last message
 * from either side, whether an inactivity warning followed it, and its ticket's group. The inbox
 * and its live stream read this instead of each session's transcript.
 */
@Repository
public class LastWords {
  private final JdbcClient jdbc;

  public LastWords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param author END_USER or AGENT, null when the session has no such message yet
   * @param warned whether an inactivity warning was sent after that message
   */
  public record Of(
      String sessionId,
      String ticketGroup,
      String author,
      String agentId,
      String text,
      Instant at,
      boolean warned) {}

  public Map<String, Of> of(Collection<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return Map.of();
    }
    List<Of> found =
        jdbc.sql(
                """
                select s.session_id, t.group_name, m.author, m.agent_id, m.text, m.sent_at,
                  (select count(*) from messages w where w.session_id = s.session_id
                     and w.kind = 'INACTIVITY_WARNING' and w.seq > m.seq) as warnings
                from sessions s
                left join tickets t on t.ticket_id = s.ticket_id
                left join messages m on m.seq =
                  (select max(x.seq) from messages x
                   where x.session_id = s.session_id and x.author <> 'SYSTEM')
                where s.session_id in (:ids)
                """)
            .param("ids", sessionIds)
            .query(
                (rs, row) ->
                    new Of(
                        rs.getString("session_id"),
                        rs.getString("group_name"),
                        rs.getString("author"),
                        rs.getString("agent_id"),
                        rs.getString("text"),
                        Times.instant(rs, "sent_at"),
                        rs.getLong("warnings") > 0))
            .list();
    Map<String, Of> bySession = new HashMap<>();
    found.forEach(f -> bySession.put(f.sessionId(), f));
    return bySession;
  }
}
