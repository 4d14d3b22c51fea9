package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.automation.Actor;
import dev.sessionflow.workflows.automation.AutomationRequest;
import dev.sessionflow.workflows.automation.FieldChange;
import dev.sessionflow.workflows.automation.TicketAutomation;
import dev.sessionflow.workflows.model.AutomationSource;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * Hands the change a session's end made to its ticket to the triggers: a {@link TicketAutomation}
 * child, abandoned when the session completes, started once per round (stable id).
 */
final class SessionTriggers {

  private SessionTriggers() {}

  static void start(SessionStart start, SessionState state, Map<String, FieldChange> changes) {
    String runId = "session-" + start.sessionId() + (state.reopens == 0 ? "" : "-" + state.reopens);
    AutomationRequest request =
        new AutomationRequest(
            runId,
            start.ticketId(),
            Actor.system(),
            new AutomationSource(AutomationSource.Kind.SESSION_END, start.sessionId(), null),
            List.of(),
            changes);
    TicketAutomation triggers =
        Workflow.newChildWorkflowStub(
            TicketAutomation.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(TicketAutomation.workflowId(runId))
                .setTaskQueue(TicketAutomation.TASK_QUEUE)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setStaticSummary("triggers after session " + start.sessionId() + " ended")
                .build());
    Async.function(triggers::run, request);
    try {
      Workflow.getWorkflowExecution(triggers).get();
    } catch (ChildWorkflowFailure alreadyStarted) {
      // started by an earlier attempt: it runs on its own
    }
  }
}
