package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.InvitedAndSettled;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.automation.FieldChange;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.SessionStatus;
import dev.sessionflow.workflows.model.TicketFacts;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What follows a session's close ({@link AfterEnd}): the {@code SESSION_ENDED} webhooks, the CSAT
 * survey if the end wants one, the ticket's settlement and the triggers on the change it made.
 */
final class AfterClose {
  private final SessionContext session;
  private final SessionState state;
  private final CsatActivities csat =
      Workflow.newActivityStub(CsatActivities.class, ActivityPolicies.SURVEY);
  private final TicketActivities tickets =
      Workflow.newActivityStub(TicketActivities.class, ActivityPolicies.SETTLE);
  private final CsatActivities surveyAndSettle =
      Workflow.newActivityStub(CsatActivities.class, ActivityPolicies.SURVEY_AND_SETTLE);

  private Supplier<Settlement> settlement;
  private SessionStatus statusBeforeEnd;

  AfterClose(SessionContext session) {
    this.session = session;
    this.state = session.state;
  }

  /**
   * After the close: webhooks, survey and settlement. A reopen that arrives before the survey or
   * the settlement makes them moot.
   *
   * @param settledInClose the outcome of a settlement made with the close; null if none was
   * @param settlement this round's settlement, as the survey's outcome leaves it
   * @param statusBeforeEnd the status the session had when it ended, for the triggers
   */
  void finish(
      BooleanSupplier reopened,
      SettleOutcome settledInClose,
      Supplier<Settlement> settlement,
      SessionStatus statusBeforeEnd) {
    this.settlement = settlement;
    this.statusBeforeEnd = statusBeforeEnd;
    SessionEvents.publish(session.policy(), WebhookEvent.SESSION_ENDED, session.start, state);
    if (settledInClose != null) {
      session.describe();
      runTriggers(settledInClose);
      return;
    }
    if (surveyDue() && !reopened.getAsBoolean() && VersionMarkers.INVITE_AND_SETTLE.adopted()) {
      inviteAndSettle();
      return;
    }
    if (!reopened.getAsBoolean()) {
      survey();
    }
    if (!reopened.getAsBoolean()) {
      settle();
    }
  }

  /**
   * Runs a side effect; one whose activity gave up for good (a non-retryable failure, or a day of
   * retries) stalls the session with an alert until ops retry it ({@link
   * VersionMarkers#POISON_WAITS}), where before it failed the whole session.
   */
  private <T> T untilDone(String what, Supplier<T> sideEffect) {
    try {
      return sideEffect.get();
    } catch (ActivityFailure gaveUp) {
      if (!VersionMarkers.POISON_WAITS.adopted()) {
        throw gaveUp;
      }
      return session.storeRetry.afterGivingUp(what, gaveUp, sideEffect);
    }
  }

  private boolean surveyDue() {
    return state.end.csatWanted() && !state.surveyed;
  }

  /**
   * The survey and the settlement in one activity ({@link VersionMarkers#INVITE_AND_SETTLE}). A
   * reopen that arrives meanwhile is the store's to see: it sends no survey to a reopened session
   * and leaves its ticket unsettled, as the two activities did when the reopen came between them.
   */
  private void inviteAndSettle() {
    Settlement toSettle = settlement.get();
    SurveyRequest request = surveyRequest();
    InvitedAndSettled done =
        untilDone(
            "survey and settlement", () -> surveyAndSettle.inviteAndSettle(request, toSettle));
    state.surveyOutcome(done.invitation() != null ? CsatStatus.SENT : CsatStatus.SKIPPED);
    state.settledTicket(done.outcome() != null && done.outcome().before() != null);
    session.describe();
    if (state.csat == CsatStatus.SENT) {
      SessionEvents.publish(session.policy(), WebhookEvent.CSAT_SENT, session.start, state);
    }
    runTriggers(done.outcome());
  }

  private void survey() {
    if (!surveyDue()) {
      state.surveyOutcome(CsatStatus.SKIPPED);
      return;
    }
    SurveyRequest request = surveyRequest();
    boolean sent = untilDone("survey", () -> SurveyInvitations.send(csat, request));
    state.surveyOutcome(sent ? CsatStatus.SENT : CsatStatus.SKIPPED);
    session.describe();
    SessionEvents.publish(session.policy(), WebhookEvent.CSAT_SENT, session.start, state);
  }

  private SurveyRequest surveyRequest() {
    SessionStart start = session.start;
    SessionPolicy policy = session.policy();
    return new SurveyRequest(
        start.sessionId(),
        start.ticketId(),
        start.conversationId(),
        start.endUserId(),
        policy.csatExpiresAfter(),
        policy.csatQuestion(),
        policy.csatScale());
  }

  private void settle() {
    Settlement toSettle = settlement.get();
    SettleOutcome outcome = untilDone("settlement", () -> tickets.settle(toSettle));
    state.settledTicket(true);
    session.describe();
    runTriggers(outcome);
  }

  /**
   * Starts the triggers on the end and its settlement, in their own workflow so that the session
   * never waits on them. A macro or trigger that ended the session runs them itself, in order.
   */
  private void runTriggers(SettleOutcome outcome) {
    if (outcome == null
        || outcome.before() == null
        || !outcome.triggersActive()
        || state.end.via() != null
        || !VersionMarkers.TICKET_AUTOMATION.adopted()) {
      return;
    }
    TicketFacts running =
        new TicketFacts(
            outcome.before().ticketId(),
            outcome.before().sessionId(),
            outcome.before().group(),
            outcome.before().status(),
            statusBeforeEnd == null ? null : statusBeforeEnd.name(),
            null,
            null);
    SessionTriggers.start(
        session.start, state, FieldChange.merge(Map.of(), running, outcome.after()));
  }
}
