package dev.sessionflow.workflows.retention;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** One retention pass, started by the schedule {@link #SCHEDULE_ID}. */
@WorkflowInterface
public interface TranscriptRetention {
  /** The maintenance queue, beside the reconciler: never a session's slot. */
  String TASK_QUEUE = "messaging-maintenance";

  /** The schedule's id, as {@code temporal schedule list} shows it. */
  String SCHEDULE_ID = "sessionflow-retention";

  /** The workflow id of each pass (one at a time: the schedule skips while one runs). */
  String WORKFLOW_ID = "sessionflow-retention-pass";

  Duration PERIOD = Duration.ofHours(1);

  /** Answers what it purged (nothing while retention is off). */
  @WorkflowMethod
  Purged run();
}
