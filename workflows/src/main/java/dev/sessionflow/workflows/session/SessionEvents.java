package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.webhooks.WebhookCall;
import dev.sessionflow.workflows.webhooks.WebhookDelivery;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import dev.sessionflow.workflows.webhooks.WebhookSubscription;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Raises a session's outbound events: one {@link WebhookDelivery} child per subscribed webhook,
 * abandoned when the session completes, so that the session waits for the start, never for the
 * receiver. The stable child id makes a second start of the same delivery a no-op.
 */
final class SessionEvents {

  private SessionEvents() {}

  static void publish(SessionPolicy policy, String type, SessionStart start, SessionState state) {
    WebhookEvent event = null;
    for (WebhookSubscription hook : policy.webhooks()) {
      if (!hook.events().contains(type)) {
        continue;
      }
      if (event == null) {
        event = event(type, start, state);
      }
      WebhookCall call = new WebhookCall(hook.hookId(), event);
      WebhookDelivery delivery =
          Workflow.newChildWorkflowStub(
              WebhookDelivery.class,
              ChildWorkflowOptions.newBuilder()
                  .setWorkflowId(WebhookDelivery.workflowId(call))
                  .setTaskQueue(MessagingSession.TASK_QUEUE)
                  .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                  .setWorkflowIdReusePolicy(
                      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                  .setStaticSummary(type + " to webhook " + hook.hookId())
                  .build());
      Async.procedure(delivery::deliver, call);
      try {
        Workflow.getWorkflowExecution(delivery).get();
      } catch (ChildWorkflowFailure alreadyStarted) {
        // delivered (or being delivered) by an earlier run: nothing to do
      }
    }
  }

  private static WebhookEvent event(String type, SessionStart start, SessionState state) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sessionId", start.sessionId());
    data.put("ticketId", start.ticketId());
    data.put("conversationId", start.conversationId());
    data.put("endUserId", start.endUserId());
    if (state.end != null) {
      data.put("endedBy", state.end.endedBy().name());
      data.put("endedByAgentId", state.end.agentId());
      data.put("endReason", state.end.reason());
      data.put("endedAt", state.end.endedAt().toString());
    }
    data.put("csat", state.csat.name());
    return new WebhookEvent(
        type + ":" + start.sessionId() + (state.reopens == 0 ? "" : ":" + state.reopens),
        type,
        Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString(),
        data);
  }
}
