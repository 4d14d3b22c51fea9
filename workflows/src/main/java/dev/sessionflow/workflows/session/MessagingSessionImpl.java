package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Instant;

/**
 * The session state machine: a short main loop that reads as the lifecycle, and handlers that only
 * move state (the end Update is the one that acts, as it must answer with the end).
 *
 * <pre>
 * ACTIVE --no message for inactiveAfter--> INACTIVE --any message--> ACTIVE
 * ACTIVE|INACTIVE --end Update (agent, admin, end user)--> ENDED
 * ACTIVE|INACTIVE --agent wrote last, no reply for autoCloseAfter--> ENDED (SYSTEM, INACTIVITY)
 *                 (warningText posted warnBeforeClose earlier)
 * ENDED: notice posted and conversation released (same step as the end) -> CSAT survey if the
 *        policy wants one -> ticket settled -> triggers run on the change (unless a macro or
 *        trigger ended it: its own run handles them) -> complete, or ACTIVE again on a reopen
 * </pre>
 *
 * <p>The parts: {@link InactivityTimer} (the one timer and what falls due), {@link EndRequests}
 * (the end Update: when and how it decides), {@link AfterEnd} (close, survey, settlement,
 * triggers), {@link ReopenWindow}, {@link ReadModel} and {@link StoreRetry} (store writes that
 * fail); {@link VersionMarkers} lists every version marker they ask.
 */
public class MessagingSessionImpl implements MessagingSession {
  /**
   * Continue-as-new well before the server's 10,000 signals and 10,240-event warning. Under a flood
   * of messages a continue-as-new is retried until a workflow task completes with no new signal, so
   * the threshold leaves room for thousands more (measured: 20,000 messages at 240/s).
   */
  static final int MESSAGES_PER_RUN = 1_000;

  private final SessionContext session;
  private final SessionState state;
  private final ReadModel readModel;
  private final InactivityTimer inactivity;
  private final AfterEnd afterEnd;
  private final ReopenWindow reopenWindow;
  private final EndRequests ends;
  private int messagesThisRun;

  /** The previous run continued as new with an end it had not closed yet. */
  private final boolean endCarriedIn;

  @WorkflowInit
  public MessagingSessionImpl(SessionStart start) {
    this.state =
        start.carried() != null
            ? start.carried()
            : SessionState.openedAt(Workflow.currentTimeMillis());
    this.endCarriedIn = start.carried() != null && state.ended() && !state.closed;
    this.session = new SessionContext(start, state);
    this.readModel = new ReadModel(session);
    this.inactivity = new InactivityTimer(session, readModel);
    this.afterEnd = new AfterEnd(session, this::message);
    this.reopenWindow = new ReopenWindow(session, readModel);
    this.ends = new EndRequests(session, afterEnd);
  }

  @Override
  public SessionOutcome run(SessionStart ignored) {
    resumeCarriedState();
    do {
      followConversation();
      inactivity.cancel();
      Workflow.await(() -> state.closed);
      afterEnd.finish(reopenWindow::requested);
    } while (reopenWindow.reopened());
    Workflow.await(Workflow::isEveryHandlerFinished);
    SessionStart start = session.start;
    return new SessionOutcome(
        start.sessionId(), start.ticketId(), state.end, state.csat, state.messageCount);
  }

  /** A run carried in from continue-as-new shows its state; an end it carried unclosed closes. */
  private void resumeCarriedState() {
    if (session.start.carried() != null) {
      SessionAttributes.publish(state);
    }
    session.describe();
    if (state.ended() && !state.closed && closesEndAtStart()) {
      afterEnd.close(false);
    }
  }

  /**
   * Whether an end that is not closed yet when the run starts is the run's to close: one carried in
   * from the previous run is; one that an end Update of the first workflow task set before the
   * run's first line is not (its handler is closing it).
   */
  private boolean closesEndAtStart() {
    if (!endCarriedIn && VersionMarkers.END_BEFORE_RUN.adopted()) {
      return false;
    }
    return VersionMarkers.CARRIED_END.adopted();
  }

  /** The active life of the session: messages, timers and requests, until it ends. */
  private void followConversation() {
    while (!state.ended()) {
      if (readModel.stale()) {
        readModel.flush();
      }
      if (continueAsNewDue()) {
        continueAsNew();
      }
      session.catchUpOnSettings();
      inactivity.arm();
      Workflow.await(
          () ->
              state.ended()
                  || inactivity.needsAttention()
                  || readModel.stale()
                  || session.settingsBehind()
                  || continueAsNewDue());
      if (!state.ended()) {
        SessionEnd autoClose = inactivity.takeDue();
        if (autoClose != null) {
          // The store refuses while it holds messages this session missed (they arrive here), or
          // newer settings (fetched at the loop's top, then the due deadlines are decided again).
          if (!afterEnd.end(autoClose, EndPlan.byClock(autoClose))
              && afterEnd.takeRefusalForSettings()) {
            inactivity.retake();
          }
        }
      }
    }
  }

  private boolean continueAsNewDue() {
    return messagesThisRun >= session.start.runLength()
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  /** Continues as new unless an end arrived meanwhile (then this run finishes it). */
  private void continueAsNew() {
    if (VersionMarkers.CARRIED_END.adopted()) {
      // Flush first (it may wait on the store), then drain, then decide: nothing blocks between
      // this check and the continue-as-new, so no end can slip in unseen. Messages that arrived
      // during the flush are carried in the state; waiting to flush them too would never end
      // under a steady flood, and the run would grow to the server's limits.
      if (readModel.stale()) {
        readModel.flush();
      }
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (state.ended()) {
        return;
      }
    } else {
      Workflow.await(Workflow::isEveryHandlerFinished);
      if (state.ended()) {
        return;
      }
      if (readModel.stale()) {
        readModel.flush();
      }
    }
    inactivity.cancel();
    state.readModelBehind = readModel.stale(); // a change that came during the flush
    Workflow.continueAsNew(session.nextRun());
  }

  @Override
  public void message(ChatMessage message) {
    boolean overtaken = StoredMessageFacts.overtaken(message, state);
    state.saw(message);
    session.heardOfSettings(message.settingsVersion());
    if (state.ended() && !state.closed) {
      // Delivered in the same step as the end, or while it is recorded: the API stored it in this
      // session's transcript before the end, so it counts here. It moves no timer any more.
      state.onMessage(message, StoredMessageFacts.time(message), overtaken);
      return;
    }
    if (state.ended()) {
      // Stored by the API already; it belongs to the ended session's transcript.
      reopenWindow.onMessageAfterClose(message);
      return;
    }
    messagesThisRun++;
    SessionStatus statusBefore = state.status;
    if (state.onMessage(message, StoredMessageFacts.time(message), overtaken)) {
      if (state.status == statusBefore && StoredMessageFacts.assigneeStoredWith(message)) {
        readModel.markAttributesStale();
      } else {
        readModel.markStale();
      }
    }
  }

  @Override
  public void settingsChanged(SessionSettings settings) {
    if (state.ended()) {
      return;
    }
    // A deadline that is now earlier than the armed timer wakes the loop to re-arm it. A late
    // broadcast older than the settings held stays unapplied.
    session.offer(settings);
  }

  @Override
  public String storeAlert() {
    return session.storeRetry.stalled();
  }

  @Override
  public void retryStore() {
    session.storeRetry.retryNow();
  }

  @Override
  public void validateEnd(EndRequest request) {
    ends.validate(request);
  }

  @Override
  public EndResult end(EndRequest request) {
    return ends.handle(request);
  }

  @Override
  public SessionView state() {
    SessionStart start = session.start;
    return new SessionView(
        start.sessionId(),
        start.ticketId(),
        state.status,
        state.assignedAgentId,
        state.lastAuthor,
        Instant.ofEpochMilli(state.lastMessageAtMillis),
        state.messageCount,
        state.end,
        state.csat,
        state.settled,
        session.settingsVersion(),
        reopenWindow.waiting());
  }
}
