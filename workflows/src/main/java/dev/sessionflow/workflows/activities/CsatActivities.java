package dev.sessionflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** Customer-satisfaction surveys. */
@ActivityInterface
public interface CsatActivities {

  /**
   * Creates the session's survey and posts its invitation (with the end user's link) to the end
   * user. The receipt names the survey, never its token: the token stays out of workflow history.
   * Idempotent per session: a retry returns the survey already sent and never sends a second.
   */
  SurveyInvitation inviteToSurvey(SurveyRequest request);

  /**
   * The same, under the activity type that sessions scheduled before the {@code survey-id-receipt}
   * version: kept so that their replays and retries find it. It answers no token any more. A new
   * session never schedules it, so that no worker of older code, which answered the token here,
   * serves its survey.
   */
  SurveyReceipt sendSurvey(SurveyRequest request);

  /**
   * Sends the survey as {@link #inviteToSurvey} does, then settles the ticket with the survey's
   * status (SENT, or SKIPPED when none went out), in one activity: the after-end sequence of a
   * session that wants a survey costs one activity task, not two. Each part is idempotent on its
   * own, so a retry sends no second survey and answers the first settlement's outcome.
   */
  InvitedAndSettled inviteAndSettle(SurveyRequest request, Settlement settlement);
}
