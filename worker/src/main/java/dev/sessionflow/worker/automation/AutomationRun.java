package dev.sessionflow.worker.automation;

import dev.sessionflow.workflows.automation.AutomationResult;

/** A ticket update's run: done, or still going (with what it has done so far). */
public record AutomationRun(Status status, AutomationResult result) {
  public enum Status {
    COMPLETED,
    RUNNING
  }
}
