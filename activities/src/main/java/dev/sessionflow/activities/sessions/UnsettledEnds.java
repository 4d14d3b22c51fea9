package dev.sessionflow.activities.sessions;

import dev.sessionflow.activities.support.Times;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions the store holds ENDED whose ticket is not settled: after a few minutes, an end whose
 * workflow task (and Update) a crash lost. The reconciler asks them to finish.
 */
@Repository
public class UnsettledEnds {
  private static final String UNSETTLED =
      """
      from sessions s join tickets t on t.ticket_id = s.ticket_id
      where s.status = 'ENDED' and t.settled_at is null and s.ended_at < :before
      """;

  private final JdbcClient jdbc;

  public UnsettledEnds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many ended before {@code before} are unsettled. */
  public int count(Instant before) {
    return jdbc.sql("select count(*) " + UNSETTLED)
        .param("before", Times.db(before))
        .query(Integer.class)
        .single();
  }

  /** The oldest ones ended between {@code since} and {@code before}, at most {@code limit}. */
  public List<String> sessionIds(Instant since, Instant before, int limit) {
    return jdbc.sql(
            "select s.session_id "
                + UNSETTLED
                + " and s.ended_at >= :since order by s.ended_at limit :limit")
        .param("before", Times.db(before))
        .param("since", Times.db(since))
        .param("limit", limit)
        .query(String.class)
        .list();
  }
}
