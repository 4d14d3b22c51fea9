package dev.sessionflow.workflows.automation;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One ticket update, run durably to the end: a macro's actions (or an agent's direct change) in
 * order, then the triggers the update sets off, each at most once. A crash resumes it where it
 * stopped; no action is applied twice.
 *
 * <p>Workflow id {@code automation-<runId>} on the sessions' task queue.
 */
@WorkflowInterface
public interface TicketAutomation {
  /**
   * The sessions' queue ({@code MessagingSession.TASK_QUEUE}): one worker runs both. Written out
   * because sessions start this workflow, so automation does not depend on the session package.
   */
  String TASK_QUEUE = "messaging-sessions";

  String WORKFLOW_TYPE = "TicketAutomation";

  /**
   * Macro and trigger steps run on their own task queue and worker slots: an END_SESSION step
   * waiting on its session never holds a slot that a session's close waits for.
   */
  String ACTIVITY_TASK_QUEUE = "messaging-automation";

  static String workflowId(String runId) {
    return "automation-" + runId;
  }

  @WorkflowMethod(name = WORKFLOW_TYPE)
  AutomationResult run(AutomationRequest request);

  /** What the run has done so far. */
  @QueryMethod
  AutomationResult progress();
}
