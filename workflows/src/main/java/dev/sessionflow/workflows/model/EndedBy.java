package dev.sessionflow.workflows.model;

/** Who ended a session. SYSTEM is the inactivity auto-close (and later automations). */
public enum EndedBy {
  AGENT,
  ADMIN,
  END_USER,
  SYSTEM
}
