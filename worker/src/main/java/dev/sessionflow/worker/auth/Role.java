package dev.sessionflow.worker.auth;

/** Who calls the API. CHANNEL is the messaging integration, acting for end users. */
public enum Role {
  ADMIN,
  AGENT,
  CHANNEL
}
