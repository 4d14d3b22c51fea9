package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One ticket and its session in memory, with the step idempotency the real store has: a step key
 * seen before answers its first outcome.
 */
public class InMemoryTicket implements AutomationActivities {
  public volatile TicketFacts facts;
  public volatile boolean agentsCanEndSessions = true;
  public final List<Trigger> triggers = new CopyOnWriteArrayList<>();
  public final List<AutomationStep> applied = new CopyOnWriteArrayList<>();
  public volatile int triggerReads;
  private final Map<String, ActionResult> done = new ConcurrentHashMap<>();

  public InMemoryTicket(String ticketId, String group) {
    facts = new TicketFacts(ticketId, "S-" + ticketId, group, "OPEN", "ACTIVE", null, null);
  }

  @Override
  public TicketFacts ticketFacts(String ticketId) {
    return facts;
  }

  @Override
  public List<Trigger> activeTriggers() {
    triggerReads++;
    return List.copyOf(triggers);
  }

  @Override
  public StepResult applyToTicket(AutomationStep step) {
    return once(step);
  }

  @Override
  public StepResult sendMessage(AutomationStep step) {
    return once(step);
  }

  @Override
  public StepResult endSession(AutomationStep step) {
    return once(step);
  }

  private synchronized StepResult once(AutomationStep step) {
    ActionResult seen = done.get(step.stepKey());
    if (seen != null) {
      return new StepResult(seen, facts);
    }
    TicketAction a = step.action();
    if ("boom".equals(a.value())) {
      throw ApplicationFailure.newNonRetryableFailure("cannot apply boom", "Boom");
    }
    ActionResult result =
        switch (a.type()) {
          case SET_GROUP -> change(a, a.value().equals(facts.group()), withGroup(a.value()));
          case SET_STATUS -> change(a, a.value().equals(facts.status()), withStatus(a.value()));
          case ADD_INTERNAL_NOTE, SEND_MESSAGE -> change(a, false, facts);
          case END_SESSION -> end(step);
        };
    applied.add(step);
    done.put(step.stepKey(), result);
    return new StepResult(result, facts);
  }

  private ActionResult end(AutomationStep step) {
    if ("ENDED".equals(facts.sessionStatus())) {
      return new ActionResult(ActionType.END_SESSION, Outcome.ALREADY_DONE, "ended before");
    }
    if (step.actor().role().name().equals("AGENT") && !agentsCanEndSessions) {
      return new ActionResult(ActionType.END_SESSION, Outcome.FORBIDDEN, "setting off");
    }
    String reason = step.action().reason() == null ? "RESOLVED" : step.action().reason();
    facts =
        new TicketFacts(
            facts.ticketId(),
            facts.sessionId(),
            facts.group(),
            facts.status(),
            "ENDED",
            reason,
            step.actor().role().name());
    return new ActionResult(ActionType.END_SESSION, Outcome.APPLIED, "ended");
  }

  private ActionResult change(TicketAction a, boolean same, TicketFacts next) {
    if (same) {
      return new ActionResult(a.type(), Outcome.ALREADY_DONE, "same");
    }
    facts = next;
    return new ActionResult(a.type(), Outcome.APPLIED, "done");
  }

  private TicketFacts withGroup(String group) {
    return new TicketFacts(
        facts.ticketId(),
        facts.sessionId(),
        group,
        facts.status(),
        facts.sessionStatus(),
        facts.endReason(),
        facts.endedBy());
  }

  private TicketFacts withStatus(String status) {
    return new TicketFacts(
        facts.ticketId(),
        facts.sessionId(),
        facts.group(),
        status,
        facts.sessionStatus(),
        facts.endReason(),
        facts.endedBy());
  }
}
