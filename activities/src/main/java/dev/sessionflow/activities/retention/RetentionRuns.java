package dev.sessionflow.activities.retention;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.retention.Purged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of the retention passes: when, up to which cutoff, and what each purged. */
@Component
public class RetentionRuns {
  /** One pass as recorded. */
  public record Run(String runId, Instant finishedAt, Instant cutoff, Purged purged) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public RetentionRuns(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records a pass once: a repeat of the same run id changes nothing. */
  public void record(String runId, Instant cutoff, Purged purged) {
    boolean recorded =
        jdbc.sql("select count(*) from retention_runs where run_id = :id")
                .param("id", runId)
                .query(Long.class)
                .single()
            > 0;
    if (recorded) {
      return;
    }
    jdbc.sql(
            """
            insert into retention_runs
              (run_id, finished_at, cutoff, sessions, messages, survey_comments)
            values (:id, :now, :cutoff, :sessions, :messages, :comments)
            """)
        .param("id", runId)
        .param("now", Times.db(clock.instant()))
        .param("cutoff", Times.db(cutoff))
        .param("sessions", purged.sessions())
        .param("messages", purged.messages())
        .param("comments", purged.surveyComments())
        .update();
  }

  /** The newest passes first. */
  public List<Run> latest(int limit) {
    return jdbc.sql("select * from retention_runs order by finished_at desc limit :limit")
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Run(
                    rs.getString("run_id"),
                    Times.instant(rs, "finished_at"),
                    Times.instant(rs, "cutoff"),
                    new Purged(
                        rs.getLong("sessions"),
                        rs.getLong("messages"),
                        rs.getLong("survey_comments"))))
        .list();
  }
}
