package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.AutomationSource;

/**
 * One action as an activity applies it. {@code stepKey} is unique per run and step: a retried step
 * finds its recorded outcome and changes nothing again.
 */
public record AutomationStep(
    String stepKey, String ticketId, Actor actor, AutomationSource source, TicketAction action) {}
