package dev.sessionflow.worker.retention;

import dev.sessionflow.activities.retention.RetentionRuns;
import dev.sessionflow.activities.retention.RetentionSettings;
import dev.sessionflow.activities.retention.TranscriptPurge;
import dev.sessionflow.workflows.retention.Purged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The retention setting and what it does, for the API and the workspace's admin page alike. */
@Service
public class RetentionOverview {
  /** The passes shown: a day's worth and more. */
  private static final int RUNS = 30;

  private final RetentionSettings settings;
  private final TranscriptPurge purge;
  private final RetentionRuns runs;
  private final Clock clock;

  RetentionOverview(
      RetentionSettings settings, TranscriptPurge purge, RetentionRuns runs, Clock clock) {
    this.settings = settings;
    this.purge = purge;
    this.runs = runs;
    this.clock = clock;
  }

  public RetentionView view() {
    Optional<Duration> kept = settings.transcriptsKeptFor();
    Instant cutoff = kept.map(k -> clock.instant().minus(k)).orElse(null);
    return new RetentionView(
        kept.map(Duration::toDays).map(days -> "P" + days + "D").orElse(null),
        cutoff,
        cutoff == null ? Purged.NONE : purge.dryRun(cutoff),
        runs.latest(RUNS).stream().map(RetentionView.Run::of).toList());
  }

  /**
   * Sets the period (null: for ever) and answers the new view.
   *
   * @throws dev.sessionflow.activities.support.InvalidInputException naming the field when refused
   */
  public RetentionView set(String transcriptsKeptFor, String by) {
    settings.set(transcriptsKeptFor, by);
    return view();
  }
}
