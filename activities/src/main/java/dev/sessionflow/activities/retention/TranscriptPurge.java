package dev.sessionflow.activities.retention;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.retention.Purged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Empties the transcripts (message texts) and survey comments of sessions that ended before a
 * cutoff. A purged message keeps its id, author, kind and time, so counts, audits and the settings
 * preview still read them; its text is empty. A session reopened and ended again after its purge is
 * purged again.
 */
@Component
public class TranscriptPurge {
  /**
   * Sessions (alias {@code s}) whose transcript is due: ended before the cutoff, not yet purged.
   */
  private static final String DUE =
      """
      s.status = 'ENDED' and s.ended_at < :cutoff
        and (s.transcript_purged_at is null or s.transcript_purged_at < s.ended_at)
      """;

  private final JdbcClient jdbc;
  private final Transactions transactions;
  private final Clock clock;

  public TranscriptPurge(JdbcClient jdbc, Transactions transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What a purge with this cutoff would empty now, changing nothing. */
  public Purged dryRun(Instant cutoff) {
    return new Purged(
        count("select count(*) from sessions s where " + DUE, cutoff),
        count(
            "select count(*) from messages m join sessions s on s.session_id = m.session_id"
                + " where m.text <> '' and "
                + DUE,
            cutoff),
        count(
            "select count(*) from surveys v join sessions s on s.session_id = v.session_id"
                + " where v.comment is not null and "
                + DUE,
            cutoff));
  }

  private long count(String sql, Instant cutoff) {
    return jdbc.sql(sql).param("cutoff", Times.db(cutoff)).query(Long.class).single();
  }

  /** Purges up to {@code limit} due sessions in one transaction; answers what it emptied. */
  public Purged batch(Instant cutoff, int limit) {
    return transactions.inTransaction(
        () -> {
          List<String> due =
              jdbc.sql(
                      "select s.session_id from sessions s where "
                          + DUE
                          + " order by s.ended_at limit :limit")
                  .param("cutoff", Times.db(cutoff))
                  .param("limit", limit)
                  .query(String.class)
                  .list();
          if (due.isEmpty()) {
            return Purged.NONE;
          }
          long messages =
              jdbc.sql("update messages set text = '' where session_id in (:ids) and text <> ''")
                  .param("ids", due)
                  .update();
          long comments =
              jdbc.sql(
                      "update surveys set comment = null"
                          + " where session_id in (:ids) and comment is not null")
                  .param("ids", due)
                  .update();
          jdbc.sql("update sessions set transcript_purged_at = :now where session_id in (:ids)")
              .param("now", Times.db(clock.instant()))
              .param("ids", due)
              .update();
          return new Purged(due.size(), messages, comments);
        });
  }
}
