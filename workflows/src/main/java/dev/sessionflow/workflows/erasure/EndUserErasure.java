package dev.sessionflow.workflows.erasure;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One end user's erasure. Its workflow id names a hash of the end user, never the end user. */
@WorkflowInterface
public interface EndUserErasure {
  /** Beside the other maintenance passes: never a session's slot. */
  String TASK_QUEUE = "messaging-maintenance";

  @WorkflowMethod
  Erased run(Erasure erasure);
}
