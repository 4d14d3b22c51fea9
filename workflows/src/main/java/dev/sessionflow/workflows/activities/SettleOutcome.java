package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.model.TicketFacts;

/**
 * The ticket before and after a settlement, and whether any trigger could react to the change. A
 * retry answers the first outcome again. Null {@code before} when no settlement happened (the
 * session reopened meanwhile).
 */
public record SettleOutcome(TicketFacts before, TicketFacts after, boolean triggersActive) {}
