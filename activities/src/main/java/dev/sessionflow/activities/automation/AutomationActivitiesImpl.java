package dev.sessionflow.activities.automation;

import static dev.sessionflow.activities.automation.StepResults.applied;
import static dev.sessionflow.activities.automation.StepResults.failed;
import static dev.sessionflow.activities.automation.StepResults.same;

import dev.sessionflow.activities.conversations.AgentMessageOutcome;
import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.activities.conversations.MessageStore;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.SystemMessage;
import dev.sessionflow.workflows.automation.ActionResult;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.AutomationActivities;
import dev.sessionflow.workflows.automation.AutomationStep;
import dev.sessionflow.workflows.automation.Outcome;
import dev.sessionflow.workflows.automation.StepResult;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TicketAutomation;
import dev.sessionflow.workflows.automation.Trigger;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.TicketFacts;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = {MessagingSession.TASK_QUEUE, TicketAutomation.ACTIVITY_TASK_QUEUE})
public class AutomationActivitiesImpl implements AutomationActivities {
  private final TicketStore tickets;
  private final SessionStore sessions;
  private final ConversationStore conversations;
  private final MessageStore messages;
  private final AutomatedEnds ends;
  private final TriggerStore triggers;
  private final AutomationSteps steps;
  private final SessionControl control;
  private final Transactions tx;

  public AutomationActivitiesImpl(
      TicketStore tickets,
      SessionStore sessions,
      ConversationStore conversations,
      MessageStore messages,
      AutomatedEnds ends,
      TriggerStore triggers,
      AutomationSteps steps,
      SessionControl control,
      Transactions tx) {
    this.tickets = tickets;
    this.sessions = sessions;
    this.conversations = conversations;
    this.messages = messages;
    this.ends = ends;
    this.triggers = triggers;
    this.steps = steps;
    this.control = control;
    this.tx = tx;
  }

  @Override
  public TicketFacts ticketFacts(String ticketId) {
    return facts(ticketId);
  }

  @Override
  public List<Trigger> activeTriggers() {
    return triggers.enabled().stream().map(StoredTrigger::rule).toList();
  }

  @Override
  public StepResult applyToTicket(AutomationStep step) {
    try {
      return applyInTransaction(step);
    } catch (DataIntegrityViolationException refused) {
      // Retrying cannot help a value the store refuses: record the step FAILED, the run goes on.
      ActionResult result =
          failed(
              step.action(),
              Limits.fit("could not be stored: " + rootMessage(refused), Limits.DETAIL));
      tx.run(() -> steps.record(step.stepKey(), step.ticketId(), result));
      return new StepResult(
          steps.find(step.stepKey(), step.action().type()).orElse(result), facts(step.ticketId()));
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }

  private StepResult applyInTransaction(AutomationStep step) {
    return tx.inTransaction(
        () -> {
          TicketFacts before = facts(step.ticketId());
          Optional<ActionResult> done = steps.find(step.stepKey(), step.action().type());
          if (done.isPresent()) {
            return new StepResult(done.get(), before);
          }
          TicketAction action = step.action();
          ActionResult result =
              switch (action.type()) {
                case SET_GROUP ->
                    tickets.setGroup(step.ticketId(), action.value())
                        ? applied(
                            action, "group " + orNone(before.group()) + " -> " + action.value())
                        : same(action, "already in group " + action.value());
                case SET_STATUS ->
                    tickets.setStatus(step.ticketId(), action.value())
                        ? applied(action, "status " + before.status() + " -> " + action.value())
                        : same(action, "already " + action.value());
                case ADD_INTERNAL_NOTE -> applied(action, action.value());
                default -> throw notHere(action.type());
              };
          finish(step, before.sessionId(), result);
          return new StepResult(result, facts(step.ticketId()));
        });
  }

  @Override
  public StepResult sendMessage(AutomationStep step) {
    TicketFacts before = facts(step.ticketId());
    Optional<ActionResult> done = steps.find(step.stepKey(), ActionType.SEND_MESSAGE);
    if (done.isPresent()) {
      return new StepResult(done.get(), before);
    }
    SessionRecord session = sessions.find(before.sessionId()).orElse(null);
    ActionResult result;
    if (session == null || session.ended()) {
      result = failed(step.action(), "the ticket's messaging session has ended");
    } else if (step.actor().role() == EndedBy.AGENT) {
      result = sendAsAgent(step, session);
    } else {
      result = sendAsSystem(step, session);
    }
    tx.run(() -> finish(step, before.sessionId(), result));
    return new StepResult(result, facts(step.ticketId()));
  }

  /** The agent's own message: it counts as their reply (and assigns them, if first). */
  private ActionResult sendAsAgent(AutomationStep step, SessionRecord session) {
    String agentId = step.actor().agentId();
    AgentMessageOutcome stored =
        conversations.acceptAgentMessage(
            session.sessionId(), step.stepKey(), agentId, step.action().value());
    if (stored.result() == AgentMessageOutcome.Result.SESSION_ENDED) {
      return failed(step.action(), "the ticket's messaging session has ended");
    }
    // A retry finds the message stored (DUPLICATE) and signals again: the session drops repeats.
    control.deliver(stored.session(), ChatMessage.fromAgent(step.stepKey(), agentId));
    return applied(step.action(), "sent to the end user as " + agentId);
  }

  /** From the system (a trigger, an admin): a notice in the transcript, no agent reply. */
  private ActionResult sendAsSystem(AutomationStep step, SessionRecord session) {
    tx.run(
        () ->
            messages.postSystemMessage(
                new SystemMessage(
                    session.conversationId(),
                    session.sessionId(),
                    step.stepKey(),
                    "AUTOMATION",
                    step.action().value()),
                null));
    return applied(step.action(), "sent to the end user");
  }

  @Override
  public StepResult endSession(AutomationStep step) {
    return endSession(step, () -> Activity.getExecutionContext().heartbeat(step.stepKey()));
  }

  StepResult endSession(AutomationStep step, Runnable heartbeat) {
    TicketFacts before = facts(step.ticketId());
    Optional<ActionResult> done = steps.find(step.stepKey(), ActionType.END_SESSION);
    if (done.isPresent()) {
      return new StepResult(done.get(), before);
    }
    ActionResult result = ends.end(step, before.sessionId(), heartbeat);
    tx.run(() -> finish(step, before.sessionId(), result));
    return new StepResult(result, facts(step.ticketId()));
  }

  private void finish(AutomationStep step, String sessionId, ActionResult result) {
    if (result.outcome() == Outcome.APPLIED && step.action().type() != ActionType.END_SESSION) {
      // The end is audited with the settlement, which names the macro or trigger.
      tickets.audit(
          step.ticketId(),
          sessionId,
          auditKind(step.action().type()),
          step.stepKey(),
          step.actor().describe() + " via " + step.source().describe() + ": " + result.detail());
    }
    steps.record(step.stepKey(), step.ticketId(), result);
  }

  private static String auditKind(ActionType type) {
    return switch (type) {
      case SET_GROUP -> "GROUP_CHANGED";
      case SET_STATUS -> "STATUS_CHANGED";
      case ADD_INTERNAL_NOTE -> "INTERNAL_NOTE";
      case SEND_MESSAGE -> "MESSAGE_SENT";
      case END_SESSION -> "SESSION_ENDED";
    };
  }

  private TicketFacts facts(String ticketId) {
    return tickets
        .facts(ticketId)
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "ticket " + ticketId + " does not exist", "UnknownTicket"));
  }

  private static String orNone(String value) {
    return value == null ? "(none)" : value;
  }

  private static IllegalArgumentException notHere(ActionType type) {
    return new IllegalArgumentException(type + " is not a ticket field action");
  }
}
