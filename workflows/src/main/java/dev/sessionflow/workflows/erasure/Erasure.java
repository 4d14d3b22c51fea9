package dev.sessionflow.workflows.erasure;

/**
 * An erasure as asked.
 *
 * @param endUserId whose data goes
 * @param requestedBy the admin who asked (for the audit)
 */
public record Erasure(String endUserId, String requestedBy) {}
