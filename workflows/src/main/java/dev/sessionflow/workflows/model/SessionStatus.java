package dev.sessionflow.workflows.model;

/** Lifecycle of a messaging session, as kept in the SessionStatus search attribute. */
public enum SessionStatus {
  ACTIVE,
  INACTIVE,
  ENDED
}
