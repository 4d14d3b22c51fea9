package dev.sessionflow.activities.retention;

import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.retention.Purged;
import dev.sessionflow.workflows.retention.RetentionActivities;
import dev.sessionflow.workflows.retention.TranscriptRetention;
import io.temporal.spring.boot.ActivityImpl;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = TranscriptRetention.TASK_QUEUE)
public class RetentionActivitiesImpl implements RetentionActivities {
  private static final Logger log = LoggerFactory.getLogger(RetentionActivitiesImpl.class);

  private final RetentionSettings settings;
  private final TranscriptPurge purge;
  private final RetentionRuns runs;
  private final Transactions transactions;
  private final Clock clock;

  public RetentionActivitiesImpl(
      RetentionSettings settings,
      TranscriptPurge purge,
      RetentionRuns runs,
      Transactions transactions,
      Clock clock) {
    this.settings = settings;
    this.purge = purge;
    this.runs = runs;
    this.transactions = transactions;
    this.clock = clock;
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
