package dev.sessionflow.worker.retention;

import dev.sessionflow.activities.retention.RetentionRuns;
import dev.sessionflow.workflows.retention.Purged;
import java.time.Instant;
import java.util.List;

/**
 * The retention setting and what it does.
 *
 * @param transcriptsKeptFor the setting; null: transcripts are kept for ever
 * @param cutoff sessions that ended before it lose their transcript at the next pass; null when off
 * @param dueNow what the next pass would purge if it ran now (a dry run: nothing changes)
 * @param runs the latest passes that purged something, newest first
 */
public record RetentionView(
    String transcriptsKeptFor, Instant cutoff, Purged dueNow, List<Run> runs) {

  /** One recorded pass. */
  public record Run(
      Instant finishedAt, Instant cutoff, long sessions, long messages, long surveyComments) {
    static Run of(RetentionRuns.Run run) {
      Purged p = run.purged();
      return new Run(
          run.finishedAt(), run.cutoff(), p.sessions(), p.messages(), p.surveyComments());
    }
  }
}
