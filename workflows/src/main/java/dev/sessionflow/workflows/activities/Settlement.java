package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.session.CsatStatus;
import dev.sessionflow.workflows.session.SessionEnd;

/** Set a ticket's status once its session ended. */
public record Settlement(
    String ticketId, String sessionId, String status, SessionEnd end, CsatStatus csat) {}
