package dev.sessionflow.workflows.session;

/** Who ended a session. SYSTEM is the inactivity auto-close (and later automations). */
public enum EndedBy {
  AGENT,
  ADMIN,
  END_USER,
  SYSTEM
}
