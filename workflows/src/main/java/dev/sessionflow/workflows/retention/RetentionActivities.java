package dev.sessionflow.workflows.retention;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** The store's side of a retention pass; each is idempotent. */
@ActivityInterface
public interface RetentionActivities {
  /** Sessions that ended before it lose their transcript: now less the setting; null when off. */
  Instant purgeCutoff();

  /** Purges up to {@code sessions} sessions that ended before {@code cutoff} and hold something. */
  Purged purgeBatch(Instant cutoff, int sessions);

  /** Records the pass (once per run id, however often it is asked). */
  void record(String runId, Instant cutoff, Purged purged);
}
