package dev.sessionflow.worker.retention;

import dev.sessionflow.activities.retention.RetentionRuns;
import dev.sessionflow.activities.retention.RetentionSettings;
import dev.sessionflow.activities.retention.TranscriptPurge;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.workflows.retention.Purged;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/retention")
class RetentionController {
  /** The passes shown: a day's worth and more. */
  private static final int RUNS = 30;

  private final RetentionSettings settings;
  private final TranscriptPurge purge;
  private final RetentionRuns runs;
  private final Clock clock;

  RetentionController(
      RetentionSettings settings, TranscriptPurge purge, RetentionRuns runs, Clock clock) {
    this.settings = settings;
    this.purge = purge;
    this.runs = runs;
    this.clock = clock;
  }

  @Operation(
      summary = "The retention setting, what the next pass would purge, and the past passes",
      description =
          "Every hour the schedule sessionflow-retention empties the message texts and survey"
              + " comments of sessions that ended more than transcriptsKeptFor ago. dueNow counts"
              + " what a pass would purge now, changing nothing.")
  @GetMapping
  RetentionView get() {
    return view();
  }

  @Operation(
      summary = "Set how long transcripts are kept (null: for ever)",
      description =
          "Whole days from P1D to P3650D. The next hourly pass purges what is then due; nothing"
              + " purged comes back if the period is lengthened later.")
  @PutMapping
  RetentionView put(Caller caller, @RequestBody RetentionChange change) {
    settings.set(change.transcriptsKeptFor(), caller.getName());
    return view();
  }

  private RetentionView view() {
    Optional<Duration> kept = settings.transcriptsKeptFor();
    Instant cutoff = kept.map(k -> clock.instant().minus(k)).orElse(null);
    return new RetentionView(
        kept.map(Duration::toDays).map(days -> "P" + days + "D").orElse(null),
        cutoff,
        cutoff == null ? Purged.NONE : purge.dryRun(cutoff),
        runs.latest(RUNS).stream().map(RetentionView.Run::of).toList());
  }
}
