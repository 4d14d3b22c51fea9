package dev.sessionflow.workflows.activities;

import java.time.Instant;

/**
 * The survey sent for a session: one per session, however often the activity ran. It names the
 * survey by id; the end user's token is never in it, so it stays out of workflow history.
 */
public record SurveyInvitation(String surveyId, Instant expiresAt) {}
