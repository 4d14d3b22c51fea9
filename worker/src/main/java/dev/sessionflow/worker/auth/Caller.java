package dev.sessionflow.worker.auth;

/** The authenticated caller of a request. {@code agentId} is set for agents only. */
public record Caller(Role role, String agentId) {}
