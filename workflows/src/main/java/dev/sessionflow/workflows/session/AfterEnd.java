package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.Closed;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionStoreActivities;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.StoredMessage;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.workflow.Workflow;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The after-end sequence, the one way a session ends: the close (store ENDED, notice to the end
 * user, conversation released), whose answer is the store's end, then {@link AfterClose}: the
 * {@code SESSION_ENDED} webhooks, the CSAT survey if the end wants one, the ticket's settlement and
 * the triggers on the change it made.
 */
final class AfterEnd {
  private final SessionContext session;
  private final SessionState state;
  private final SessionStoreActivities store =
      Workflow.newLocalActivityStub(SessionStoreActivities.class, ActivityPolicies.STORE);
  private final SessionStoreActivities storeAfterAcceptance =
      Workflow.newActivityStub(SessionStoreActivities.class, ActivityPolicies.CLOSE);

  /** This round's end follows the rules of {@link VersionMarkers#TICKET_AUTOMATION}. */
  private boolean automationRules;

  /** The status the session had when it ended, for the triggers. */
  private SessionStatus statusBeforeEnd;

  /** This round settled in its close ({@link VersionMarkers#SYSTEM_END_IN_ONE_TASK}). */
  private boolean settledWithClose;

  /** That settlement's outcome, whose triggers run after the webhooks. */
  private SettleOutcome closeOutcome;

  /** How this round's end proceeds. */
  private EndPlan plan = EndPlan.CARRIED;

  /** The store refused this round's auto-close for newer settings ({@code pulled-settings}). */
  private boolean refusedForSettings;

  /** The store's answer to the latest close. */
  private Closed storeAnswer;

  /** Where the messages go that a refused system end found the session had missed. */
  private final Consumer<ChatMessage> missed;

  private final AfterClose afterClose;

  AfterEnd(SessionContext session, Consumer<ChatMessage> missed) {
    this.session = session;
    this.missed = missed;
    this.state = session.state;
    this.afterClose = new AfterClose(session);
  }

  /**
   * Ends the session now, as {@code plan} says: record the end, then close it (and settle with the
   * close, if planned). The store may refuse the clock's end while it holds messages the session
   * missed ({@link VersionMarkers#STORE_DECIDES_END}): they go to the session's message handler and
   * the session does not end.
   *
   * @return whether the session ended
   */
  boolean end(SessionEnd end, EndPlan plan) {
    this.plan = plan;
    if (plan.settleWithClose()) {
      return closeAndSettle(end);
    }
    markEnded(end);
    return close(plan.closeAfterAcceptance());
  }

  private void markEnded(SessionEnd end) {
    automationRules = plan.automationRules();
    statusBeforeEnd = state.endAs(end);
  }

  /** Takes back an end the store refused: the session goes on as it was. */
  private void unmarkEnded() {
    state.takeBackEnd(statusBeforeEnd);
  }

  /**
   * Records the end, then closes and settles in one local activity, in this workflow task. Where
   * the store holds another end ({@link VersionMarkers#STORE_DECIDES_END}), the session adopts it
   * and goes on as that end wants (survey, settlement); where it refuses, the session goes on.
   *
   * @return whether the session ended
   */
  private boolean closeAndSettle(SessionEnd end) {
    markEnded(end);
    state.surveyOutcome(CsatStatus.SKIPPED);
    SessionClosing closing = closing();
    Settlement settlement = settlement();
    if (VersionMarkers.STORE_DECIDES_END.adopted()) {
      session.storeRetry.untilStored(
          "close", () -> storeAnswer = store.closeAsDecided(closing, settlement));
      if (!applied(storeAnswer)) {
        return false;
      }
      if (storeAnswer.settled() == null) {
        // The store holds another end: its survey and settlement follow in finish.
        state.surveyOutcome(CsatStatus.NOT_SENT);
        state.closedInStore();
        session.publish();
        return true;
      }
      closeOutcome = storeAnswer.settled();
    } else {
      session.storeRetry.untilStored(
          "close", () -> closeOutcome = store.closeAndSettle(closing, settlement));
    }
    settledWithClose = true;
    state.closedInStore();
    state.settledTicket(true);
    session.publish();
    return true;
  }

  /**
   * Takes the store's answer to a close: its end becomes the session's (the same decision keeps
   * what only the session knows of it, the macro's name); a refusal takes the end back and hands
   * the missed messages on.
   *
   * @return whether the session is ended
   */
  private boolean applied(Closed answer) {
    if (answer.refusedTheEnd()) {
      unmarkEnded();
      answer.missed().forEach(m -> missed.accept(asSignal(m)));
      if (answer.newerSettings() != null) {
        session.storeHoldsSettings(answer.newerSettings());
        refusedForSettings = true;
      }
      return false;
    }
    SessionEnd held = answer.end();
    SessionEnd decided = state.end;
    if (held.sameDecisionAs(decided)) {
      state.adoptEnd(decided.asHeld(held));
    } else {
      state.adoptEnd(held);
      automationRules = held.via() != null && VersionMarkers.TICKET_AUTOMATION.adopted();
    }
    return true;
  }

  private static ChatMessage asSignal(StoredMessage m) {
    return new ChatMessage(
        m.messageId(),
        Author.valueOf(m.author()),
        m.agentId(),
        false,
        m.sequence(),
        null,
        m.storedAt());
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
        policy.reopenWithin() == null ? null : state.end.endedAt().plus(policy.reopenWithin()),
        plan.byTheClock() ? state.lastSeenSequence : null,
        plan.byTheClock() && VersionMarkers.PULLED_SETTINGS.adopted()
            ? session.settingsToCheck()
            : null);
  }

  /**
   * Whether the store refused the last auto-close because it holds newer settings; asked once (the
   * session fetches them and decides again).
   */
  boolean takeRefusalForSettings() {
    boolean refused = refusedForSettings;
    refusedForSettings = false;
    return refused;
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

  /**
   * Records the end in the store (once: the store ignores a repeat), then publishes it. From {@link
   * VersionMarkers#STORE_DECIDES_END} on, the session adopts the end the store answers, and a
   * system end the store refuses is taken back.
   *
   * @return whether the session is ended
   */
  boolean close(boolean afterAcceptance) {
    SessionClosing closing = closing();
    SessionStoreActivities stub = afterAcceptance ? storeAfterAcceptance : store;
    if (VersionMarkers.STORE_DECIDES_END.adopted()) {
      session.storeRetry.untilStored(
          "close", () -> storeAnswer = stub.closeAsDecided(closing, null));
      if (!applied(storeAnswer)) {
        return false;
      }
    } else {
      session.storeRetry.untilStored("close", () -> stub.closeSession(closing));
    }
    state.closedInStore();
    session.publish();
    return true;
  }

  /**
   * After the close: webhooks, survey and settlement ({@link AfterClose}). A reopen that arrives
   * before the survey or the settlement makes them moot.
   */
  void finish(BooleanSupplier reopened) {
    SettleOutcome settledInClose = settledWithClose ? closeOutcome : null;
    settledWithClose = false; // a later round (after a reopen) decides again
    afterClose.finish(reopened, settledInClose, this::settlement, statusBeforeEnd);
  }
}
