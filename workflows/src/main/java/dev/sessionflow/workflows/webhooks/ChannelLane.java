package dev.sessionflow.workflows.webhooks;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One conversation's ordered lane to one webhook: its {@code session.started} and {@code
 * message.created} events, one at a time in the conversation's sequence order, a later one only
 * once the earlier was answered 2xx or given up. Each conversation has its own lane, so a slow
 * conversation (or receiver) holds up no other. The store is the lane's source: a wake names no
 * message, and the lane delivers whatever the store holds past its position, so a lost or repeated
 * wake loses or repeats nothing. Idle for {@link ChannelLaneImpl#IDLE}, it completes; the next
 * message starts it again where it stopped.
 */
@WorkflowInterface
public interface ChannelLane {
  String WORKFLOW_TYPE = "ChannelLane";

  /** Lanes and their POSTs run beside the other deliveries, apart from the sessions. */
  String TASK_QUEUE = WebhookDelivery.ACTIVITY_TASK_QUEUE;

  static String workflowId(String hookId, String conversationId) {
    return "lane-" + hookId + "-" + conversationId;
  }

  @WorkflowMethod(name = WORKFLOW_TYPE)
  void run(LaneStart start);

  /** The store holds a new message of the conversation. */
  @SignalMethod
  void wake();
}
