package dev.sessionflow.workflows.session;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One customer-support messaging session: it follows the conversation's messages, ends on request
 * or after inactivity, then surveys the end user (per policy) and settles the ticket.
 *
 * <p>Workflow id {@code session-<sessionId>} on task queue {@value #TASK_QUEUE}.
 */
@WorkflowInterface
public interface MessagingSession {
  String TASK_QUEUE = "messaging-sessions";
  String WORKFLOW_TYPE = "MessagingSession";

  static String workflowId(String sessionId) {
    return "session-" + sessionId;
  }

  @WorkflowMethod(name = WORKFLOW_TYPE)
  SessionOutcome run(SessionStart start);

  /**
   * A message was stored in the transcript. Fire-and-forget: messages never wait on the session.
   */
  @SignalMethod
  void message(ChatMessage message);

  /**
   * Ends the session now. Rejected (failure type {@value SessionErrors#SESSION_ENDED}) if ended.
   */
  @UpdateMethod
  EndResult end(EndRequest request);

  @UpdateValidatorMethod(updateName = "end")
  void validateEnd(EndRequest request);

  /** An admin changed the settings: timers and policy apply from now on. */
  @SignalMethod
  void settingsChanged(SessionSettings settings);

  /**
   * Ops: the store is back; retry a stalled store write now rather than at its next hourly try (see
   * docs/operations.md).
   */
  @SignalMethod
  void retryStore();

  /** The alert of a stalled store write, as the current details show it; null if none. */
  @QueryMethod
  String storeAlert();

  @QueryMethod
  SessionView state();
}
