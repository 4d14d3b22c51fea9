package dev.sessionflow.activities.automation;

import static dev.sessionflow.activities.automation.StepResults.applied;
import static dev.sessionflow.activities.automation.StepResults.failed;
import static dev.sessionflow.activities.automation.StepResults.same;

import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.automation.ActionResult;
import dev.sessionflow.workflows.automation.AutomationStep;
import dev.sessionflow.workflows.automation.Outcome;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.EndRequest;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A macro's or trigger's END_SESSION step: the session's {@code end} Update sent on the step's
 * behalf (its key is the Update ID), then a wait for the settlement, so that later steps apply on
 * top of it.
 */
@Component
class AutomatedEnds {
  static final String DEFAULT_END_REASON = "RESOLVED";

  /** How long an end waits for the session's settlement before reporting without it. */
  static final Duration SETTLEMENT_WAIT = Duration.ofSeconds(60);

  private final TicketStore tickets;
  private final SessionStore sessions;
  private final SettingsStore settings;
  private final SessionControl control;

  AutomatedEnds(
      TicketStore tickets, SessionStore sessions, SettingsStore settings, SessionControl control) {
    this.tickets = tickets;
    this.sessions = sessions;
    this.settings = settings;
    this.control = control;
  }

  ActionResult end(AutomationStep step, String sessionId, Runnable heartbeat) {
    TicketAction action = step.action();
    SessionRecord session = sessions.find(sessionId).orElse(null);
    if (session == null) {
      return failed(action, "the ticket has no messaging session");
    }
    if (session.ended()) {
      return endedBefore(step, session, heartbeat);
    }
    if (step.actor().role() == EndedBy.AGENT && !settings.current().agentsCanEndSessions()) {
      return new ActionResult(
          action.type(),
          Outcome.FORBIDDEN,
          "the account setting 'Agents can end messaging sessions at any time' is off");
    }
    EndRequest request = endRequest(step);
    return switch (control.end(sessionId, request, heartbeat)) {
      case ENDED -> settled(step, sessionId, request.reason(), heartbeat);
      case ALREADY_ENDED -> endedBefore(step, sessions.find(sessionId).orElseThrow(), heartbeat);
      case NO_WORKFLOW ->
          failed(action, "session " + sessionId + " has no running workflow to end it");
    };
  }

  /** The step's end request; its key is the Update ID, so a repeat gets the first answer. */
  private static EndRequest endRequest(AutomationStep step) {
    TicketAction action = step.action();
    String reason = action.reason() == null ? DEFAULT_END_REASON : action.reason();
    return new EndRequest(
        step.actor().role(),
        step.actor().agentId(),
        reason,
        action.sendCsat(),
        step.source(),
        step.stepKey());
  }

  /** Ended already: by this very step (its record was lost to a crash), or by someone else. */
  private ActionResult endedBefore(AutomationStep step, SessionRecord session, Runnable heartbeat) {
    if (step.stepKey().equals(session.endRequestId())) {
      // Ask the session again all the same: it answers the end it has, or takes it now if the
      // worker that closed and settled it in the accepting workflow task was lost before that task
      // completed (a session gone since answers that it has ended).
      String reason = session.endReason();
      String sessionId = session.sessionId();
      control.end(sessionId, endRequest(step), heartbeat);
      return settled(step, sessionId, reason, heartbeat);
    }
    return same(
        step.action(),
        "session " + session.sessionId() + " had already ended (" + session.endReason() + ")");
  }

  /** Waits for the session to settle the ticket, so that later steps apply on top of it. */
  private ActionResult settled(
      AutomationStep step, String sessionId, String reason, Runnable heartbeat) {
    long deadline = System.nanoTime() + SETTLEMENT_WAIT.toNanos();
    while (tickets.find(step.ticketId()).map(t -> t.settledAt() == null).orElse(false)) {
      if (System.nanoTime() > deadline) {
        return applied(
            step.action(), "session " + sessionId + " ended (" + reason + "); settling shortly");
      }
      heartbeat.run();
      sleep(Duration.ofMillis(100));
    }
    return applied(step.action(), "session " + sessionId + " ended (" + reason + ")");
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the settlement", e);
    }
  }
}
