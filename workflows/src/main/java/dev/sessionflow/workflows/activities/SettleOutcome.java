package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.automation.TicketFacts;

/**
 * The ticket before and after a settlement, and whether any trigger could react to the change. Null
 * {@code before} when this call did not settle (a retry, or the session reopened meanwhile).
 */
public record SettleOutcome(TicketFacts before, TicketFacts after, boolean triggersActive) {}
