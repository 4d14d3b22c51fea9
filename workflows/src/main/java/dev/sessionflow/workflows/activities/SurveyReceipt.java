package dev.sessionflow.workflows.activities;

import java.time.Instant;

/** The survey sent for a session: one per session, however often the activity ran. */
public record SurveyReceipt(String surveyToken, Instant expiresAt) {}
