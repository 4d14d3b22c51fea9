package dev.sessionflow.workflows.automation;

import java.util.List;

/** A trigger that fired during a ticket update, and what each of its actions did. */
public record TriggerRun(String triggerId, String name, List<ActionResult> results) {}
