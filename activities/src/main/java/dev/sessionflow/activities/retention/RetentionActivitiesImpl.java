package dev.sessionflow.activities.retention;

import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.retention.Purged;
import dev.sessionflow.workflows.retention.RetentionActivities;
import dev.sessionflow.workflows.retention.TranscriptRetention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The retention pass's store side, and its metrics: {@code sessionflow_retention_passes_total}
 * (passes recorded while retention is set) and {@code sessionflow_retention_kept_days} (the
 * setting; 0 while off), which the alert SessionflowRetentionNotRunning reads together.
 */
@Component
@ActivityImpl(taskQueues = TranscriptRetention.TASK_QUEUE)
public class RetentionActivitiesImpl implements RetentionActivities {
  private static final Logger log = LoggerFactory.getLogger(RetentionActivitiesImpl.class);
  static final String PASSES_METRIC = "sessionflow_retention_passes";
  static final String KEPT_DAYS_METRIC = "sessionflow_retention_kept_days";

  private final RetentionSettings settings;
  private final TranscriptPurge purge;
  private final RetentionRuns runs;
  private final Transactions transactions;
  private final Clock clock;
  private final Counter passes;

  public RetentionActivitiesImpl(
      RetentionSettings settings,
      TranscriptPurge purge,
      RetentionRuns runs,
      Transactions transactions,
      Clock clock,
      MeterRegistry meters) {
    this.settings = settings;
    this.purge = purge;
    this.runs = runs;
    this.transactions = transactions;
    this.clock = clock;
    this.passes = meters.counter(PASSES_METRIC);
    Gauge.builder(KEPT_DAYS_METRIC, this, RetentionActivitiesImpl::keptDays)
        .description("How long transcripts are kept after their session ended; 0: for ever")
        .register(meters);
  }

  /** The setting in days; NaN when the store cannot say (the scrape goes on). */
  private double keptDays() {
    try {
      return settings.transcriptsKeptFor().map(Duration::toDays).orElse(0L);
    } catch (RuntimeException storeDown) {
      return Double.NaN;
    }
  }

  @Override
  public Instant purgeCutoff() {
    return settings.transcriptsKeptFor().map(kept -> clock.instant().minus(kept)).orElse(null);
  }

  @Override
  public Purged purgeBatch(Instant cutoff, int sessions) {
    return purge.batch(cutoff, sessions);
  }

  @Override
  public void record(String runId, Instant cutoff, Purged purged) {
    transactions.run(() -> runs.record(runId, cutoff, purged));
    passes.increment();
    if (purged.sessions() > 0) {
      log.info(
          "retention: purged the transcripts of {} sessions that ended before {}: {} messages,"
              + " {} survey comments",
          purged.sessions(),
          cutoff,
          purged.messages(),
          purged.surveyComments());
    }
  }
}
