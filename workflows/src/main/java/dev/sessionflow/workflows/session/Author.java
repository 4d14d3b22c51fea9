package dev.sessionflow.workflows.session;

/** Who wrote a message in a conversation. SYSTEM is the service speaking to the end user. */
public enum Author {
  END_USER,
  AGENT,
  SYSTEM
}
