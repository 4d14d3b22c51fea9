package dev.sessionflow.workflows.retention;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

public class TranscriptRetentionImpl implements TranscriptRetention {
  /** Sessions per batch: each batch is one short transaction. */
  static final int BATCH = 500;

  /** Batches per pass: a backlog larger than this is left to the next pass, an hour later. */
  static final int MAX_BATCHES = 200;

  /** Bounded: the next pass tries again anyway. */
  private final RetentionActivities store =
      Workflow.newActivityStub(
          RetentionActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
              .setSummary("purge transcripts past retention")
              .build());

  @Override
  public Purged run() {
    Instant cutoff = store.purgeCutoff();
    if (cutoff == null) {
      return Purged.NONE;
    }
    Purged total = Purged.NONE;
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      Purged purged = store.purgeBatch(cutoff, BATCH);
      total = total.plus(purged);
      if (purged.sessions() < BATCH) {
        break;
      }
    }
    store.record(Workflow.getInfo().getRunId(), cutoff, total);
    return total;
  }
}
