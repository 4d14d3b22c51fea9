package dev.sessionflow.worker.automation;

import dev.sessionflow.workflows.automation.AutomationResult;

/**
 * A ticket update's run: done, or still going (with what it has done so far), and who started it
 * ({@code actedBy}: "agent agent-1", "admin ops-bot"; null for a trigger's run).
 */
public record AutomationRun(Status status, AutomationResult result, String actedBy) {
  public enum Status {
    COMPLETED,
    RUNNING
  }
}
