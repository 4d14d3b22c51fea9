package dev.sessionflow.workflows.activities;

import java.time.Instant;

/**
 * A message of the session's transcript as the store holds it, for a session that missed its
 * signal: the fields a signal would have carried.
 *
 * @param author {@code END_USER} or {@code AGENT}
 */
public record StoredMessage(
    String messageId, String author, String agentId, long sequence, Instant storedAt) {}
