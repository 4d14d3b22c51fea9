package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.TicketFacts;
import java.util.List;

/**
 * What a ticket update did.
 *
 * @param results one per requested action, in order
 * @param triggers the triggers that fired, in the order they fired (each at most once)
 * @param ticket the ticket as the update left it
 */
public record AutomationResult(
    String runId,
    String ticketId,
    List<ActionResult> results,
    List<TriggerRun> triggers,
    TicketFacts ticket) {}
