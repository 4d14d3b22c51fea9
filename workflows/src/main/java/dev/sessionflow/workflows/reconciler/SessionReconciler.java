package dev.sessionflow.workflows.reconciler;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/** One pass of the reconciler, started by the schedule {@link #SCHEDULE_ID}. */
@WorkflowInterface
public interface SessionReconciler {
  /** Its own queue: a pass may wait on sessions for a while and must not take a session's slot. */
  String TASK_QUEUE = "messaging-maintenance";

  /** The schedule's id, as {@code temporal schedule list} shows it. */
  String SCHEDULE_ID = "sessionflow-reconciler";

  /** The workflow id of each pass (one at a time: the schedule skips while one runs). */
  String WORKFLOW_ID = "sessionflow-reconciler-pass";

  Duration PERIOD = Duration.ofMinutes(1);

  @WorkflowMethod
  Reconciled run();
}
