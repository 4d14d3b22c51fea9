package dev.sessionflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** Customer-satisfaction surveys. */
@ActivityInterface
public interface CsatActivities {

  /**
   * Creates the session's survey and posts its invitation (with the survey token) to the end user.
   * Idempotent per session: a retry returns the survey already sent and never sends a second.
   */
  SurveyReceipt sendSurvey(SurveyRequest request);
}
