package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.model.SessionStatus;

/** A visible change of a running session (status, assignment) for the read model. */
public record SessionProgress(
    String sessionId, long revision, SessionStatus status, String assignedAgentId) {}
