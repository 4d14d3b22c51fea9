package dev.sessionflow.bench;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The baseline: a session's interaction shape with nothing else. Started with a message, then
 * messages as signals, one end Update, then two no-op activities (survey, settle), complete.
 */
@WorkflowInterface
public interface BareSession {
  String TASK_QUEUE = "bench-baseline";

  @WorkflowMethod
  int run(String id);

  @SignalMethod
  void message(String messageId);

  @UpdateMethod
  String end(String who);

  @UpdateValidatorMethod(updateName = "end")
  void validateEnd(String who);
}
