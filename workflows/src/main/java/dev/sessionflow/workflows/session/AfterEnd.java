package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.InvitedAndSettled;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionStoreActivities;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.automation.FieldChange;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import dev.sessionflow.workflows.model.TicketFacts;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The after-end sequence, the one way a session ends: the close (store ENDED, notice to the end
 * user, conversation released), then the {@code SESSION_ENDED} webhooks, the CSAT survey if the
 * policy wants one, the ticket's settlement and the triggers on the change it made.
 */
final class AfterEnd {
  private final SessionContext session;
  private final SessionState state;
  private final SessionStoreActivities store =
      Workflow.newLocalActivityStub(SessionStoreActivities.class, ActivityPolicies.STORE);
  private final SessionStoreActivities storeAfterAcceptance =
      Workflow.newActivityStub(SessionStoreActivities.class, ActivityPolicies.CLOSE);
  private final CsatActivities csat =
      Workflow.newActivityStub(CsatActivities.class, ActivityPolicies.SURVEY);
  private final TicketActivities tickets =
      Workflow.newActivityStub(TicketActivities.class, ActivityPolicies.SETTLE);
  private final CsatActivities surveyAndSettle =
      Workflow.newActivityStub(CsatActivities.class, ActivityPolicies.SURVEY_AND_SETTLE);

  /** This round's end follows the rules of {@link VersionMarkers#TICKET_AUTOMATION}. */
  private boolean automationRules;

  /** The status the session had when it ended, for the triggers. */
  private SessionStatus statusBeforeEnd;

  /** This round settled in its close ({@link VersionMarkers#SYSTEM_END_IN_ONE_TASK}). */
  private boolean settledWithClose;

  /** That settlement's outcome, whose triggers run after the webhooks. */
  private SettleOutcome closeOutcome;

  AfterEnd(SessionContext session) {
    this.session = session;
    this.state = session.state;
  }

  /**
   * Ends the session now: record the end, then close it.
   *
   * @param automationRules the end follows the rules of {@link VersionMarkers#TICKET_AUTOMATION}
   * @param afterAcceptance close through a regular activity: an Update that asked for the end is
   *     then durable before the store changes (a timer's end needs no such step)
   */
  void endAs(SessionEnd end, boolean automationRules, boolean afterAcceptance) {
    markEnded(end, automationRules);
    close(afterAcceptance);
  }

  private void markEnded(SessionEnd end, boolean automationRules) {
    this.automationRules = automationRules;
    state.end = end;
    statusBeforeEnd = state.status;
    state.status = SessionStatus.ENDED;
    state.revision++;
  }

  /**
   * Ends the session for the system (an auto-close). One that wants no survey closes and settles in
   * one local activity, in the workflow task that decided the end: no activity task and no workflow
   * task more for the server ({@link VersionMarkers#SYSTEM_END_IN_ONE_TASK}).
   */
  void endBySystem(SessionEnd end) {
    if (end.csatWanted() || !VersionMarkers.SYSTEM_END_IN_ONE_TASK.adopted()) {
      endAs(end, false, false);
      return;
    }
    closeAndSettle(end, false);
  }

  /**
   * Ends the session for a macro or trigger, whose {@code END_SESSION} step waits on the Update's
   * answer and repeats it under the same Update ID until answered. One that wants no survey, in a
   * session that cannot be reopened, closes and settles in one local activity, in the workflow task
   * that accepts the Update, which answers once the store holds both ({@link
   * VersionMarkers#AUTOMATED_END_IN_ONE_TASK}). If that task fails after the local activity ran (a
   * lost worker; an event arriving as it completes the workflow), the Update comes again, from the
   * server or from the step, and its repeat closes (the store ignores it) and settles (the store
   * answers the first outcome) once more. With a reopen window, a reopening message could reach the
   * session between the store's close and the repeat, before the session knows it ended: such an
   * end keeps the close as a regular activity, durable with the Update's acceptance.
   *
   * @param afterAcceptance without the change, close through a regular activity (see {@link
   *     #endAs})
   */
  void endByAutomation(SessionEnd end, boolean afterAcceptance) {
    if (end.csatWanted()
        || session.policy().reopenWithin() != null
        || !VersionMarkers.AUTOMATED_END_IN_ONE_TASK.adopted()) {
      endOnRequest(end, true, afterAcceptance);
      return;
    }
    closeAndSettle(end, true);
  }

  /**
   * Ends the session for an end Update (an agent, an admin, the end user; a macro's or trigger's
   * that wants a survey). In a session without reopen window the close is a local activity of the
   * workflow task that accepts the Update, which answers from that task once the store holds the
   * end ({@link VersionMarkers#REQUESTED_END_IN_ONE_TASK}); the survey and the settlement follow.
   * If that task fails after the local activity ran (a lost worker), the Update comes again (from
   * the server with the next attempt, or from the API's client under the same Update ID) and its
   * repeat closes once more, which the store ignores; if it was lost with the replica that waited
   * on it, the API asks the session again at the next end request for it. Nothing that depends on
   * the end can reach the session in between: the store has released the conversation, so an end
   * user's message opens a new session and an agent's is refused. With a reopen window, a reopening
   * message could (see {@link #endByAutomation}): such an end keeps the close as a regular
   * activity, durable with the Update's acceptance.
   *
   * @param afterAcceptance without the change, close through a regular activity (see {@link
   *     #endAs})
   */
  void endOnRequest(SessionEnd end, boolean automationRules, boolean afterAcceptance) {
    endAs(end, automationRules, afterAcceptance && !closesInAcceptingTask());
  }

  private boolean closesInAcceptingTask() {
    return session.policy().reopenWithin() == null
        && VersionMarkers.REQUESTED_END_IN_ONE_TASK.adopted();
  }

  /** Records the end, then closes and settles in one local activity, in this workflow task. */
  private void closeAndSettle(SessionEnd end, boolean automationRules) {
    markEnded(end, automationRules);
    state.csat = CsatStatus.SKIPPED;
    SessionClosing closing = closing();
    Settlement settlement = settlement();
    session.storeRetry.untilStored(
        "close", () -> closeOutcome = store.closeAndSettle(closing, settlement));
    settledWithClose = true;
    state.closed = true;
    state.settled = true;
    session.publish();
  }

  private SessionClosing closing() {
    SessionPolicy policy = session.policy();
    return new SessionClosing(
        session.start.sessionId(),
        session.start.conversationId(),
        state.revision,
        state.assignedAgentId,
        state.end,
        session.timers().endedNoticeText(),
        state.reopens,
        policy.reopenWithin() == null ? null : state.end.endedAt().plus(policy.reopenWithin()));
  }

  private Settlement settlement() {
    SettlementRule rule = session.policy().settlementFor(state.end, automationRules);
    return new Settlement(
        session.start.ticketId(),
        session.start.sessionId(),
        rule.status(),
        rule.group(),
        state.end,
        state.csat,
        state.reopens);
  }

  /** Records the end in the store (once: the store ignores a repeat), then publishes it. */
  void close(boolean afterAcceptance) {
    SessionClosing closing = closing();
    if (afterAcceptance) {
      session.storeRetry.untilStored("close", () -> storeAfterAcceptance.closeSession(closing));
    } else {
      session.storeRetry.untilStored("close", () -> store.closeSession(closing));
    }
    state.closed = true;
    session.publish();
  }

  /**
   * After the close: webhooks, survey and settlement. A reopen that arrives before the survey or
   * the settlement makes them moot.
   */
  void finish(BooleanSupplier reopened) {
    SessionEvents.publish(session.policy(), WebhookEvent.SESSION_ENDED, session.start, state);
    if (settledWithClose) {
      settledWithClose = false; // a later round (after a reopen) decides again
      session.describe();
      runTriggers(closeOutcome);
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

  private boolean surveyDue() {
    return state.end.csatWanted() && !state.surveyed;
  }

  /**
   * The survey and the settlement in one activity ({@link VersionMarkers#INVITE_AND_SETTLE}). A
   * reopen that arrives meanwhile is the store's to see: it sends no survey to a reopened session
   * and leaves its ticket unsettled, as the two activities did when the reopen came between them.
   */
  private void inviteAndSettle() {
    InvitedAndSettled done = surveyAndSettle.inviteAndSettle(surveyRequest(), settlement());
    state.csat = done.invitation() != null ? CsatStatus.SENT : CsatStatus.SKIPPED;
    state.settled = done.outcome() != null && done.outcome().before() != null;
    session.describe();
    if (state.csat == CsatStatus.SENT) {
      SessionEvents.publish(session.policy(), WebhookEvent.CSAT_SENT, session.start, state);
    }
    runTriggers(done.outcome());
  }

  private void survey() {
    if (!surveyDue()) {
      state.csat = CsatStatus.SKIPPED;
      return;
    }
    boolean sent = SurveyInvitations.send(csat, surveyRequest());
    state.csat = sent ? CsatStatus.SENT : CsatStatus.SKIPPED;
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
    SettleOutcome outcome = tickets.settle(settlement());
    state.settled = true;
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
