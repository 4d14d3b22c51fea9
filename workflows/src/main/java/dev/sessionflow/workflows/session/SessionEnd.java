package dev.sessionflow.workflows.session;

import java.time.Instant;

/** How and when a session ended, and whether it asked for a survey. */
public record SessionEnd(
    EndedBy endedBy, String agentId, String reason, Instant endedAt, boolean csatWanted) {}
