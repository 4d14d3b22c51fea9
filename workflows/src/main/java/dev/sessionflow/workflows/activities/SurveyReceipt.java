package dev.sessionflow.workflows.activities;

import java.time.Instant;

/**
 * The answer of {@code SendSurvey}, the activity type of sessions older than the {@code
 * survey-id-receipt} version, as their histories recorded it. Workers of this code leave the token
 * out (null): it belongs to the end user, not to workflow history. See {@link SurveyInvitation}.
 */
public record SurveyReceipt(String surveyToken, Instant expiresAt) {}
