package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;

/** What a step did, and the ticket as it left it. */
public record StepResult(ActionResult result, TicketFacts after) {}
