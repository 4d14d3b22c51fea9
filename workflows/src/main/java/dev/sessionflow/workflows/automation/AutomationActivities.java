package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The side effects of macros and triggers. Every step is idempotent by its {@code stepKey}: a
 * retried step answers the outcome recorded the first time and changes nothing again.
 */
@ActivityInterface
public interface AutomationActivities {

  /** The ticket as triggers see it. An unknown ticket is a business failure (not retried). */
  TicketFacts ticketFacts(String ticketId);

  /** The enabled triggers, in the order they are evaluated. */
  List<Trigger> activeTriggers();

  /** SET_GROUP, SET_STATUS and ADD_INTERNAL_NOTE: one transaction with its audit entry. */
  StepResult applyToTicket(AutomationStep step);

  /** SEND_MESSAGE: into the ticket's open session, as the agent (or as a system message). */
  StepResult sendMessage(AutomationStep step);

  /**
   * END_SESSION: ends the ticket's session through its workflow (agents only while the account lets
   * them) and waits, heartbeating, until the session has settled the ticket, so that later actions
   * apply on top of the settlement.
   */
  StepResult endSession(AutomationStep step);
}
