package dev.sessionflow.worker.auth;

/**
 * Who calls the API. CHANNEL is the messaging integration, acting for end users. VISITOR is one end
 * user in the web chat widget, for one conversation: only the service issues it, never a JWT or a
 * configured token.
 */
public enum Role {
  ADMIN,
  AGENT,
  CHANNEL,
  VISITOR;

  /** Whether a JWT claim or a configured token may name this role. */
  public boolean grantable() {
    return this != VISITOR;
  }
}
