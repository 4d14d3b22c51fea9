package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ticket update: apply the requested actions in order, then the triggers.
 *
 * <p>Triggers follow the usual help-desk rule: after any trigger fires, evaluation starts again
 * from the first trigger against the updated ticket and every change of this update; each trigger
 * fires at most once per update. So a trigger whose own actions match its conditions again (or two
 * that set each other off) stops after one round, and a run is bounded by the number of triggers.
 */
public class TicketAutomationImpl implements TicketAutomation {

  /**
   * Version 1: the steps are scheduled on {@link TicketAutomation#ACTIVITY_TASK_QUEUE} (before it:
   * on the sessions' queue, sharing their activity slots).
   */
  public static final String OWN_QUEUE = "automation-own-queue";

  private AutomationActivities tickets;
  private AutomationActivities endings;

  private AutomationRequest request;
  private TicketFacts ticket;
  private Map<String, FieldChange> changes = Map.of();
  private final List<ActionResult> results = new ArrayList<>();
  private final List<TriggerRun> fired = new ArrayList<>();

  @Override
  public AutomationResult run(AutomationRequest request) {
    this.request = request;
    boolean ownQueue = Workflow.getVersion(OWN_QUEUE, Workflow.DEFAULT_VERSION, 1) >= 1;
    tickets = stub(AutomationPolicies.TICKET, ownQueue);
    endings = stub(AutomationPolicies.END_SESSION, ownQueue);
    ticket = tickets.ticketFacts(request.ticketId());
    changes = request.changes();
    describe();
    List<TicketAction> actions = request.actions();
    for (int i = 0; i < actions.size(); i++) {
      results.add(
          apply(
              new AutomationStep(
                  request.runId() + "/" + i,
                  request.ticketId(),
                  request.actor(),
                  request.source(),
                  actions.get(i))));
    }
    if (!changes.isEmpty()) {
      runTriggers();
    }
    describe();
    return progress();
  }

  private void runTriggers() {
    List<Trigger> triggers = tickets.activeTriggers();
    Set<String> done = new HashSet<>();
    Trigger next;
    while ((next = nextTrigger(triggers, done)) != null) {
      done.add(next.triggerId());
      List<ActionResult> outcomes = new ArrayList<>();
      TriggerRun run = new TriggerRun(next.triggerId(), next.name(), outcomes);
      fired.add(run);
      List<TicketAction> actions = next.actions();
      for (int i = 0; i < actions.size(); i++) {
        outcomes.add(
            apply(
                new AutomationStep(
                    request.runId() + "/trigger-" + next.triggerId() + "/" + i,
                    request.ticketId(),
                    Actor.system(),
                    next.source(),
                    actions.get(i))));
      }
      describe();
    }
  }

  private Trigger nextTrigger(List<Trigger> triggers, Set<String> done) {
    for (Trigger trigger : triggers) {
      if (!done.contains(trigger.triggerId()) && trigger.conditions().hold(ticket, changes)) {
        return trigger;
      }
    }
    return null;
  }

  private ActionResult apply(AutomationStep step) {
    StepResult result;
    try {
      result =
          switch (step.action().type()) {
            case SET_GROUP, SET_STATUS, ADD_INTERNAL_NOTE -> tickets.applyToTicket(step);
            case SEND_MESSAGE -> tickets.sendMessage(step);
            case END_SESSION -> endings.endSession(step);
          };
    } catch (ActivityFailure businessFailure) {
      // Only non-retryable failures get here (the rest retry until done): report, go on.
      return new ActionResult(step.action().type(), Outcome.FAILED, rootMessage(businessFailure));
    }
    changes = FieldChange.merge(changes, ticket, result.after());
    if (result.after() != null) {
      ticket = result.after();
    }
    return result.result();
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  @Override
  public AutomationResult progress() {
    return new AutomationResult(
        request.runId(), request.ticketId(), List.copyOf(results), List.copyOf(fired), ticket);
  }

  private void describe() {
    StringBuilder text = new StringBuilder();
    text.append("**").append(request.source().describe()).append("** on ticket `");
    text.append(request.ticketId()).append("` by ").append(request.actor().describe());
    for (ActionResult r : results) {
      text.append("\n- ").append(r.type()).append(": ").append(r.outcome());
    }
    for (TriggerRun t : fired) {
      text.append("\n\ntrigger ").append(t.triggerId()).append(" \"").append(t.name()).append('"');
      for (ActionResult r : t.results()) {
        text.append("\n- ").append(r.type()).append(": ").append(r.outcome());
      }
    }
    Workflow.setCurrentDetails(text.toString());
  }

  private static AutomationActivities stub(ActivityOptions options, boolean ownQueue) {
    return Workflow.newActivityStub(
        AutomationActivities.class,
        ownQueue
            ? ActivityOptions.newBuilder(options).setTaskQueue(ACTIVITY_TASK_QUEUE).build()
            : options);
  }
}
