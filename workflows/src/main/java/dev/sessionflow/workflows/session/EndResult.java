package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.NoPersonalData;
import dev.sessionflow.workflows.model.SessionStatus;
import java.time.Instant;

/** The definitive answer to an end request: this session is now ended, by whom and when. */
public record EndResult(
    String sessionId, SessionStatus status, EndedBy endedBy, String endReason, Instant endedAt)
    implements NoPersonalData {}
