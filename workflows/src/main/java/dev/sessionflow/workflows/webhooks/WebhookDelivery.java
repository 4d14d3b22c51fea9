package dev.sessionflow.workflows.webhooks;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Delivers one event to one webhook, retrying for a day: its own workflow, so that an unreachable
 * receiver never holds up or fails the session that raised the event.
 */
@WorkflowInterface
public interface WebhookDelivery {
  String WORKFLOW_TYPE = "WebhookDelivery";

  /**
   * The POSTs run on their own task queue and worker slots: a slow receiver's 15 s calls never hold
   * a slot that a session's close waits for.
   */
  String ACTIVITY_TASK_QUEUE = "messaging-webhooks";

  static String workflowId(WebhookCall call) {
    return "webhook-" + call.hookId() + "-" + call.event().eventId();
  }

  @WorkflowMethod(name = WORKFLOW_TYPE)
  void deliver(WebhookCall call);
}
