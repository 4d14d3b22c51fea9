package dev.sessionflow.workflows.session;

import static dev.sessionflow.workflows.session.SessionSearchAttributes.CONVERSATION_ID;
import static dev.sessionflow.workflows.session.SessionSearchAttributes.SESSION_STATUS;
import static dev.sessionflow.workflows.session.SessionSearchAttributes.TICKET_ID;

import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;

/** How a session workflow is started: its id, queue, search attributes and Web UI summary. */
public final class SessionWorkflowOptions {

  private SessionWorkflowOptions() {}

  public static WorkflowOptions forStart(SessionStart start) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(MessagingSession.workflowId(start.sessionId()))
        .setTaskQueue(MessagingSession.TASK_QUEUE)
        // A session id is never reused: a late signal must not start an ended session again.
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(SESSION_STATUS, SessionStatus.ACTIVE.name())
                .set(TICKET_ID, start.ticketId())
                .set(CONVERSATION_ID, start.conversationId())
                .build())
        .setStaticSummary(staticSummary(start))
        .setStaticDetails(staticDetails(start))
        .build();
  }

  /** Ids only: no end user's name or id, which are personal data (encrypted in the input). */
  static String staticSummary(SessionStart start) {
    return "Ticket " + start.ticketId() + " · conversation " + start.conversationId();
  }

  static String staticDetails(SessionStart start) {
    SessionTimers t = start.timers();
    return "Session `"
        + start.sessionId()
        + "`"
        + (start.channel() == null ? "" : " via channel `" + start.channel() + "`")
        + "\n\nInactive after "
        + t.inactiveAfter()
        + ", auto-close after "
        + (t.autoCloseAfter() == null ? "never" : t.autoCloseAfter())
        + ", warning "
        + (t.warnBeforeClose() == null ? "none" : t.warnBeforeClose() + " before")
        + (t.businessHours() == null
            ? ""
            : ", counted in business hours (" + t.businessHours().schedule().timeZone() + ")")
        + "\n\nCSAT when ended by "
        + start.policy().csatWhenEndedBy()
        + "; ticket settles to "
        + start.policy().settleStatus();
  }
}
