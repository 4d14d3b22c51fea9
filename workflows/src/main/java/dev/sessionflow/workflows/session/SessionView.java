package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.NoPersonalData;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import java.time.Instant;

/**
 * What the {@code state} query answers: the live state of a running session. {@code
 * waitingForReopen}: the session has done all its end asked for (webhooks, survey, settlement,
 * triggers started) and only waits out its reopen window.
 */
public record SessionView(
    String sessionId,
    String ticketId,
    SessionStatus status,
    String assignedAgentId,
    Author lastAuthor,
    Instant lastMessageAt,
    long messageCount,
    SessionEnd end,
    CsatStatus csat,
    boolean settled,
    long settingsVersion,
    boolean waitingForReopen)
    implements NoPersonalData {}
