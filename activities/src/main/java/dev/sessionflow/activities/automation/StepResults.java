package dev.sessionflow.activities.automation;

import dev.sessionflow.workflows.automation.ActionResult;
import dev.sessionflow.workflows.automation.Outcome;
import dev.sessionflow.workflows.automation.TicketAction;

/** What a step did, as its record and the run's answer say it. */
final class StepResults {
  private StepResults() {}

  static ActionResult applied(TicketAction action, String detail) {
    return new ActionResult(action.type(), Outcome.APPLIED, detail);
  }

  static ActionResult same(TicketAction action, String detail) {
    return new ActionResult(action.type(), Outcome.ALREADY_DONE, detail);
  }

  static ActionResult failed(TicketAction action, String detail) {
    return new ActionResult(action.type(), Outcome.FAILED, detail);
  }
}
