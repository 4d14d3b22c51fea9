package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.ConversationActivities;
import dev.sessionflow.workflows.activities.CsatActivities;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionProgress;
import dev.sessionflow.workflows.activities.SessionStoreActivities;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.activities.SystemMessage;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.automation.FieldChange;
import dev.sessionflow.workflows.automation.TicketFacts;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The session state machine.
 *
 * <pre>
 * ACTIVE --no message for inactiveAfter--> INACTIVE --any message--> ACTIVE
 * ACTIVE|INACTIVE --end Update (agent, admin, end user)--> ENDED
 * ACTIVE|INACTIVE --agent wrote last, no reply for autoCloseAfter--> ENDED (SYSTEM, INACTIVITY)
 *                 (warningText posted warnBeforeClose earlier)
 * ENDED: notice posted and conversation released (same step as the end) -> CSAT survey if the
 *        policy wants one -> ticket settled -> triggers run on the change (unless a macro or
 *        trigger ended it: its own run handles them) -> complete
 * </pre>
 *
 * <p>Messages are signals that only move fields: the single inactivity timer is re-armed when it
 * fires (or when a deadline moves earlier), so a message costs its signal and one workflow task.
 */
public class MessagingSessionImpl implements MessagingSession {
  /**
   * Continue-as-new well before the server's 10,000 signals and 10,240-event warning. Under a flood
   * of messages a continue-as-new is retried until a workflow task completes with no new signal, so
   * the threshold leaves room for thousands more (measured: 20,000 messages at 240/s).
   */
  static final int MESSAGES_PER_RUN = 1_000;

  /** The workflow waits a little longer than the reopen window the API checks. */
  static final Duration REOPEN_SLACK = Duration.ofMinutes(1);

  static final String DEFAULT_END_REASON = "RESOLVED";

  /**
   * Version 1: an end Update is durably accepted before its side effects, by a 1 ms timer (before
   * it: *-v0). Version 2: by closing through a regular activity, which the server schedules in the
   * same step that accepts the Update, without the timer's wait (about a second on a dev server).
   */
  static final String DURABLE_END = "durable-end";

  /** Version 1: the inactivity warning is a local activity (before it: a regular activity). */
  static final String LOCAL_WARNING = "local-warning";

  static final String INACTIVITY = "INACTIVITY";

  /**
   * Version 1: ends from macros and triggers (their sendCsat, escalation settles OPEN with no
   * survey) and triggers run after a settlement. Asked only where it matters, so a plain session
   * records no marker.
   */
  static final String TICKET_AUTOMATION = "ticket-automation";

  /**
   * Version 1: before continuing as new, the run flushes the read model first, then drains the
   * handlers and decides with nothing blocking after it (before it, an end accepted during the
   * flush was carried into the next run unclosed); a run that starts ended but unclosed closes
   * itself.
   */
  static final String CARRIED_END = "carried-end";

  /**
   * Version 1: an end that names the last message its caller saw waits (at most {@link
   * #FOLLOW_UP_WAIT}) until the session has seen it, then decides (assignee, CSAT counts). Asked
   * only when such an end has to wait.
   */
  static final String END_AFTER_SEEN = "end-after-seen";

  /** How long an end waits for the signals of messages the store holds; they take milliseconds. */
  static final Duration FOLLOW_UP_WAIT = Duration.ofSeconds(5);

  private SessionStart start;
  private SessionTimers timers;
  private SessionPolicy policy;
  private final SessionState state;
  private int messagesThisRun;
  private ChatMessage reopenedBy;

  /** Messages that reached the ended session after the store reopened it, applied on reopening. */
  private final java.util.List<ChatMessage> afterReopen = new java.util.ArrayList<>();

  private boolean readModelStale;

  /** This round's end follows the rules of {@link #TICKET_AUTOMATION}. */
  private boolean automationRules;

  private SessionStatus statusBeforeEnd;

  private final StoreRetry storeRetry = new StoreRetry();

  private CancellationScope timerScope;
  private long armedDeadline = Long.MAX_VALUE;
  private boolean timerFired;

  private final SessionStoreActivities store =
      Workflow.newLocalActivityStub(SessionStoreActivities.class, ActivityPolicies.STORE);
  private final SessionStoreActivities storeAfterAcceptance =
      Workflow.newActivityStub(SessionStoreActivities.class, ActivityPolicies.CLOSE);
  private final ConversationActivities conversation =
      Workflow.newActivityStub(ConversationActivities.class, ActivityPolicies.MESSAGE);
  private final ConversationActivities warnings =
      Workflow.newLocalActivityStub(ConversationActivities.class, ActivityPolicies.WARNING);
  private final CsatActivities csat =
      Workflow.newActivityStub(CsatActivities.class, ActivityPolicies.SURVEY);
  private final TicketActivities tickets =
      Workflow.newActivityStub(TicketActivities.class, ActivityPolicies.SETTLE);

  @WorkflowInit
  public MessagingSessionImpl(SessionStart start) {
    this.start = start;
    this.timers = start.timers();
    this.policy = start.policy();
    this.state =
        start.carried() != null
            ? start.carried()
            : SessionState.openedAt(Workflow.currentTimeMillis());
  }

  @Override
  public SessionOutcome run(SessionStart ignored) {
    if (start.carried() != null) {
      SessionAttributes.publish(state);
    }
    describe();
    if (state.ended()
        && !state.closed
        && Workflow.getVersion(CARRIED_END, Workflow.DEFAULT_VERSION, 1) >= 1) {
      close(false); // carried from a run that continued as new before its close
    }
    do {
      followConversation();
      cancelTimer();
      Workflow.await(() -> state.closed);
      SessionEvents.publish(policy, WebhookEvent.SESSION_ENDED, start, state);
      // A reopen that arrives before the survey or the settlement makes them moot.
      if (reopenedBy == null) {
        survey();
      }
      if (reopenedBy == null) {
        settle();
      }
    } while (reopened());
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new SessionOutcome(
        start.sessionId(), start.ticketId(), state.end, state.csat, state.messageCount);
  }

  /** The active life of the session: messages, timers and requests, until it ends. */
  private void followConversation() {
    while (!state.ended()) {
      if (readModelStale) {
        publishProgress();
      }
      if (continueAsNewDue()) {
        continueAsNew();
      }
      rearmTimer(state.nextDeadline(timers));
      Workflow.await(
          () ->
              state.ended()
                  || timerFired
                  || readModelStale
                  || state.nextDeadline(timers) < armedDeadline
                  || continueAsNewDue());
      if (timerFired && !state.ended()) {
        timerFired = false;
        onTimer(Workflow.currentTimeMillis());
      }
    }
  }

  /**
   * With a reopen window, waits that long (plus slack for the API's own check) for a message that
   * reopens the session; the store has already reopened it when the message arrives.
   */
  private boolean reopened() {
    if (policy.reopenWithin() == null) {
      return false;
    }
    Duration window = policy.reopenWithin().plus(REOPEN_SLACK);
    if (!Workflow.await(window, () -> reopenedBy != null)) {
      return false;
    }
    state.reopen(Workflow.currentTimeMillis());
    state.onMessage(reopenedBy, Workflow.currentTimeMillis());
    reopenedBy = null;
    afterReopen.forEach(m -> state.onMessage(m, Workflow.currentTimeMillis()));
    afterReopen.clear();
    readModelStale = true;
    SessionAttributes.publish(state);
    describe();
    return true;
  }

  @Override
  public void message(ChatMessage message) {
    state.saw(message);
    if (state.ended() && !state.closed) {
      // Delivered in the same step as the end, or while it is recorded: the API stored it in this
      // session's transcript before the end, so it counts here. It moves no timer any more.
      state.onMessage(message, Workflow.currentTimeMillis());
      return;
    }
    if (state.ended()) {
      if (message.reopening() && policy.reopenWithin() != null) {
        reopenedBy = message; // the store reopened the session for it
      } else if (reopenedBy != null) {
        afterReopen.add(message);
      }
      return; // stored by the API already; it belongs to the ended session's transcript
    }
    messagesThisRun++;
    if (state.onMessage(message, Workflow.currentTimeMillis())) {
      readModelStale = true;
    }
  }

  @Override
  public String storeAlert() {
    return storeRetry.stalled();
  }

  @Override
  public void retryStore() {
    storeRetry.retryNow();
  }

  @Override
  public void settingsChanged(SessionSettings settings) {
    if (state.ended()) {
      return;
    }
    timers = settings.timers();
    policy = settings.policy();
    // A deadline that is now earlier than the armed timer wakes the loop to re-arm it.
  }

  @Override
  public void validateEnd(EndRequest request) {
    if (request == null || request.endedBy() == null) {
      throw SessionErrors.invalid("an end request names who ends the session");
    }
    if (state.ended() && !request.repeats(state.end)) {
      throw SessionErrors.sessionEnded(start.sessionId());
    }
  }

  @Override
  public EndResult end(EndRequest request) {
    // Updates accepted in the same workflow task all pass the validator: the handler decides.
    if (state.ended()) {
      return endedAlready(request);
    }
    if (!state.hasSeen(request.lastSeenSequence())
        && Workflow.getVersion(END_AFTER_SEEN, Workflow.DEFAULT_VERSION, 1) >= 1) {
      // The API stored (and answered) messages this end follows whose signals are still on the
      // way: decide on them, not before them.
      Workflow.await(
          FOLLOW_UP_WAIT, () -> state.hasSeen(request.lastSeenSequence()) || state.ended());
      if (state.ended()) {
        return endedAlready(request);
      }
    }
    String reason = request.reason() == null ? DEFAULT_END_REASON : request.reason();
    // An Update is durable once the workflow task that accepted it completes. Let that task
    // complete before any side effect: otherwise a worker killed mid-task could leave the store
    // ended while the session never heard of the end.
    int durableEnd = Workflow.getVersion(DURABLE_END, Workflow.DEFAULT_VERSION, 2);
    if (durableEnd == 1) {
      Workflow.newTimer(
              Duration.ofMillis(1), TimerOptions.newBuilder().setSummary("accept the end").build())
          .get();
      if (state.ended()) {
        return endedAlready(request);
      }
    }
    boolean automated = request.via() != null || SessionPolicy.ESCALATED.equals(reason);
    automationRules =
        automated && Workflow.getVersion(TICKET_AUTOMATION, Workflow.DEFAULT_VERSION, 1) >= 1;
    closeAs(
        new SessionEnd(
            request.endedBy(),
            request.agentId(),
            reason,
            Instant.ofEpochMilli(Workflow.currentTimeMillis()),
            policy.wantsCsat(request, state, automationRules),
            automationRules ? request.via() : null,
            request.requestId()),
        durableEnd >= 2);
    return endResult();
  }

  /** A repeat of the request that ended the session gets its answer again; others are refused. */
  private EndResult endedAlready(EndRequest request) {
    if (request.repeats(state.end)) {
      return endResult();
    }
    throw SessionErrors.sessionEnded(start.sessionId());
  }

  private EndResult endResult() {
    SessionEnd end = state.end;
    return new EndResult(
        start.sessionId(), SessionStatus.ENDED, end.endedBy(), end.reason(), end.endedAt());
  }

  @Override
  public SessionView state() {
    Instant last = Instant.ofEpochMilli(state.lastMessageAtMillis);
    return new SessionView(
        start.sessionId(),
        start.ticketId(),
        state.status,
        state.assignedAgentId,
        state.lastAuthor,
        last,
        state.messageCount,
        state.end,
        state.csat,
        state.settled);
  }

  private void onTimer(long now) {
    if (now >= state.autoCloseDeadline(timers)) {
      automationRules = false;
      closeAs(
          new SessionEnd(
              EndedBy.SYSTEM, null, INACTIVITY, Instant.ofEpochMilli(now), wantsCsatOnAutoClose()),
          false);
      return;
    }
    if (now >= state.inactiveDeadline(timers)) {
      state.status = SessionStatus.INACTIVE;
      state.revision++;
      readModelStale = true;
    }
    if (now >= state.warningDeadline(timers)) {
      long deadline = state.autoCloseDeadline(timers);
      state.warnedForDeadline = deadline;
      SystemMessage warning =
          new SystemMessage(
              start.conversationId(),
              start.sessionId(),
              start.sessionId() + "-warning-" + deadline,
              "INACTIVITY_WARNING",
              timers.warningText());
      // A local activity spares the server an activity task and a workflow task per warning: it
      // counts when thousands of sessions come due together.
      if (Workflow.getVersion(LOCAL_WARNING, Workflow.DEFAULT_VERSION, 1) >= 1) {
        // Retried while the store is down, but only while the warning still means something.
        storeRetry.untilStored(
            "inactivity warning",
            () -> warnings.postSystemMessage(warning),
            () ->
                !state.ended()
                    && state.autoCloseDeadline(timers) == deadline
                    && Workflow.currentTimeMillis() < deadline,
            this::describe);
      } else {
        conversation.postSystemMessage(warning);
      }
    }
  }

  private boolean wantsCsatOnAutoClose() {
    return policy.wantsCsat(new EndRequest(EndedBy.SYSTEM, null, INACTIVITY, null), state);
  }

  /**
   * The one way a session ends: record it, tell the end user and free the conversation.
   *
   * @param afterAcceptance close through a regular activity: an Update that asked for the end is
   *     then durable before the store changes (a timer's end needs no such step)
   */
  private void closeAs(SessionEnd end, boolean afterAcceptance) {
    state.end = end;
    statusBeforeEnd = state.status;
    state.status = SessionStatus.ENDED;
    state.revision++;
    close(afterAcceptance);
  }

  /** Records the end in the store (once: the store ignores a repeat), then publishes it. */
  private void close(boolean afterAcceptance) {
    SessionClosing closing =
        new SessionClosing(
            start.sessionId(),
            start.conversationId(),
            state.revision,
            state.assignedAgentId,
            state.end,
            timers.endedNoticeText(),
            state.reopens,
            policy.reopenWithin() == null ? null : state.end.endedAt().plus(policy.reopenWithin()));
    if (afterAcceptance) {
      storeRetry.untilStored(
          "close", () -> storeAfterAcceptance.closeSession(closing), this::describe);
    } else {
      storeRetry.untilStored("close", () -> store.closeSession(closing), this::describe);
    }
    state.closed = true;
    SessionAttributes.publish(state);
    describe();
  }

  private void survey() {
    if (!state.end.csatWanted() || state.surveyed) {
      state.csat = CsatStatus.SKIPPED;
      return;
    }
    boolean sent =
        SurveyInvitations.send(
            csat,
            new SurveyRequest(
                start.sessionId(),
                start.ticketId(),
                start.conversationId(),
                start.endUserId(),
                policy.csatExpiresAfter(),
                policy.csatQuestion(),
                policy.csatScale()));
    state.csat = sent ? CsatStatus.SENT : CsatStatus.SKIPPED;
    describe();
    SessionEvents.publish(policy, WebhookEvent.CSAT_SENT, start, state);
  }

  private void settle() {
    SettlementRule rule = policy.settlementFor(state.end, automationRules);
    SettleOutcome outcome =
        tickets.settle(
            new Settlement(
                start.ticketId(),
                start.sessionId(),
                rule.status(),
                rule.group(),
                state.end,
                state.csat,
                state.reopens));
    state.settled = true;
    describe();
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
        || Workflow.getVersion(TICKET_AUTOMATION, Workflow.DEFAULT_VERSION, 1) < 1) {
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
    SessionTriggers.start(start, state, FieldChange.merge(Map.of(), running, outcome.after()));
  }

  private void publishProgress() {
    readModelStale = false;
    SessionProgress progress =
        new SessionProgress(start.sessionId(), state.revision, state.status, state.assignedAgentId);
    storeRetry.untilStored(
        "read-model update", () -> store.recordProgress(progress), this::describe);
    SessionAttributes.publish(state);
    describe();
  }

  private boolean continueAsNewDue() {
    return messagesThisRun >= MESSAGES_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private void continueAsNew() {
    if (Workflow.getVersion(CARRIED_END, Workflow.DEFAULT_VERSION, 1) >= 1) {
      // Flush first (it may wait on the store), then drain, then decide: nothing blocks between
      // this check and the continue-as-new, so no end can slip in unseen. Messages that arrived
      // during the flush are carried in the state; waiting to flush them too would never end
      // under a steady flood, and the run would grow to the server's limits.
      if (readModelStale) {
        publishProgress();
      }
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (state.ended()) {
        return; // finish the end in this run
      }
    } else {
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (state.ended()) {
        return; // an end arrived while draining: finish in this run
      }
      if (readModelStale) {
        publishProgress();
      }
    }
    cancelTimer();
    Workflow.continueAsNew(start.with(timers, policy).carrying(state));
  }

  /** Keeps one timer armed at the earliest deadline; a later deadline waits for it to fire. */
  private void rearmTimer(long deadline) {
    if (timerScope != null && armedDeadline <= deadline) {
      return;
    }
    cancelTimer();
    if (deadline == Long.MAX_VALUE) {
      return;
    }
    long delay = Math.max(1, deadline - Workflow.currentTimeMillis());
    armedDeadline = deadline;
    CancellationScope scope =
        Workflow.newCancellationScope(
            () -> {
              Promise<Void> timer =
                  Workflow.newTimer(
                      Duration.ofMillis(delay),
                      TimerOptions.newBuilder().setSummary("inactivity check").build());
              timer.handle(
                  (ok, failure) -> {
                    if (failure == null) {
                      timerScope = null;
                      armedDeadline = Long.MAX_VALUE;
                      timerFired = true;
                    }
                    return null;
                  });
            });
    timerScope = scope;
    scope.run();
  }

  private void cancelTimer() {
    if (timerScope != null) {
      timerScope.cancel();
      timerScope = null;
      armedDeadline = Long.MAX_VALUE;
    }
  }

  private void describe() {
    String details = SessionDetails.markdown(start, state);
    if (storeRetry.stalled() != null) {
      details = "**ALERT: " + storeRetry.stalled() + "** (see docs/operations.md)\n\n" + details;
    }
    Workflow.setCurrentDetails(details);
  }
}
