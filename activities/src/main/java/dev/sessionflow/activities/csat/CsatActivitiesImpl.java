package dev.sessionflow.activities.csat;

import dev.sessionflow.activities.tickets.TicketActivitiesImpl;
import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.InvitedAndSettled;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.SurveyInvitation;
import dev.sessionflow.workflows.activities.SurveyReceipt;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class CsatActivitiesImpl implements CsatActivities {
  private final SurveyStore surveys;
  private final TicketActivities tickets;

  public CsatActivitiesImpl(SurveyStore surveys, TicketActivitiesImpl tickets) {
    this.surveys = surveys;
    this.tickets = tickets;
  }

  @Override
  public SurveyInvitation inviteToSurvey(SurveyRequest request) {
    Survey survey = surveys.send(request);
    return survey == null ? null : new SurveyInvitation(survey.surveyId(), survey.expiresAt());
  }

  @Override
  public InvitedAndSettled inviteAndSettle(SurveyRequest request, Settlement settlement) {
    SurveyInvitation invitation = inviteToSurvey(request);
    CsatStatus csat = invitation == null ? CsatStatus.SKIPPED : CsatStatus.SENT;
    return new InvitedAndSettled(invitation, tickets.settle(settlement.withCsat(csat)));
  }

  /** Older sessions' activity type: the same survey, and no token in its answer. */
  @Override
  public SurveyReceipt sendSurvey(SurveyRequest request) {
    SurveyInvitation sent = inviteToSurvey(request);
    return sent == null ? null : new SurveyReceipt(null, sent.expiresAt());
  }
}
