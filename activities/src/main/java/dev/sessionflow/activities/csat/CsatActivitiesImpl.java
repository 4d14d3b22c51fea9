package dev.sessionflow.activities.csat;

import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.SurveyReceipt;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class CsatActivitiesImpl implements CsatActivities {
  private final SurveyStore surveys;

  public CsatActivitiesImpl(SurveyStore surveys) {
    this.surveys = surveys;
  }

  @Override
  public SurveyReceipt sendSurvey(SurveyRequest request) {
    Survey survey = surveys.send(request);
    return survey == null ? null : new SurveyReceipt(survey.surveyToken(), survey.expiresAt());
  }
}
