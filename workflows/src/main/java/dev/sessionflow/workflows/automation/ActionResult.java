package dev.sessionflow.workflows.automation;

/** The outcome of one action, with a sentence saying why. */
public record ActionResult(ActionType type, Outcome outcome, String detail) {}
