package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.NoPersonalData;
import dev.sessionflow.workflows.model.SessionEnd;

/** The result of a finished session. */
public record SessionOutcome(
    String sessionId, String ticketId, SessionEnd end, CsatStatus csat, long messageCount)
    implements NoPersonalData {}
