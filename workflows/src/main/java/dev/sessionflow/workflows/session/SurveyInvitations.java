package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.SurveyRequest;

/** Which activity sends a session's survey, by the version the session runs (survey-id-receipt). */
final class SurveyInvitations {
  private SurveyInvitations() {}

  /** Sends the survey; answers whether one went out (none for a session reopened meanwhile). */
  static boolean send(CsatActivities csat, SurveyRequest request) {
    if (VersionMarkers.SURVEY_ID_RECEIPT.adopted()) {
      return csat.inviteToSurvey(request) != null;
    }
    return csat.sendSurvey(request) != null;
  }
}
