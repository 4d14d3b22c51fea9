package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.SurveyRequest;
import io.temporal.workflow.Workflow;

/** Which activity sends a session's survey, by the version the session runs. */
final class SurveyInvitations {
  /**
   * Version 1: the survey goes out through {@code InviteToSurvey}, whose receipt carries the survey
   * id; before it, {@code SendSurvey}, which older workers answered with the end user's token.
   */
  static final String SURVEY_ID_RECEIPT = "survey-id-receipt";

  private SurveyInvitations() {}

  /** Sends the survey; answers whether one went out (none for a session reopened meanwhile). */
  static boolean send(CsatActivities csat, SurveyRequest request) {
    if (Workflow.getVersion(SURVEY_ID_RECEIPT, Workflow.DEFAULT_VERSION, 1) >= 1) {
      return csat.inviteToSurvey(request) != null;
    }
    return csat.sendSurvey(request) != null;
  }
}
