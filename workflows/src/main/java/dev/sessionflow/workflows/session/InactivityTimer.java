package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.ConversationActivities;
import dev.sessionflow.workflows.activities.SystemMessage;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The session's one inactivity timer, armed at the earliest deadline (inactive, warning,
 * auto-close), and what falls due when it fires. A message only moves the deadlines: the timer
 * stays armed at the old one and is re-armed when it fires, or at once when a deadline moves
 * earlier (a settings change), so a message costs no timer command.
 */
final class InactivityTimer {
  static final String INACTIVITY = SessionPolicy.INACTIVITY;

  /**
   * How late each auto-close fired after its deadline (the server's timer lag plus the wait for a
   * worker), a timer: {@code sessionflow_auto_close_lateness_seconds} in Prometheus. Not recorded
   * on replay.
   */
  static final String LATENESS_METRIC = "sessionflow_auto_close_lateness";

  private final SessionContext session;
  private final SessionState state;
  private final ReadModel readModel;
  private final ConversationActivities conversation =
      Workflow.newActivityStub(ConversationActivities.class, ActivityPolicies.MESSAGE);
  private final ConversationActivities warnings =
      Workflow.newLocalActivityStub(ConversationActivities.class, ActivityPolicies.WARNING);

  private CancellationScope scope;
  private long armedDeadline = Long.MAX_VALUE;
  private boolean fired;

  /**
   * What fell due is to be decided again at once, under settings fetched since: the store refused
   * the warning or the auto-close for newer ones ({@link VersionMarkers#PULLED_SETTINGS}).
   */
  private boolean retake;

  InactivityTimer(SessionContext session, ReadModel readModel) {
    this.session = session;
    this.state = session.state;
    this.readModel = readModel;
  }

  /** The earliest deadline under the settings in force ({@link Long#MAX_VALUE}: none). */
  long nextDeadline() {
    return state.nextDeadline(session.timers());
  }

  /** Keeps one timer armed at the earliest deadline; a later deadline waits for it to fire. */
  void arm() {
    if (retake) {
      return; // decided in this task, without a timer
    }
    long deadline = nextDeadline();
    if (scope != null && armedDeadline <= deadline) {
      return;
    }
    cancel();
    if (deadline == Long.MAX_VALUE) {
      return;
    }
    long delay = Math.max(1, deadline - Workflow.currentTimeMillis());
    armedDeadline = deadline;
    CancellationScope armed =
        Workflow.newCancellationScope(
            () -> {
              Promise<Void> timer =
                  Workflow.newTimer(
                      Duration.ofMillis(delay),
                      TimerOptions.newBuilder().setSummary("inactivity check").build());
              timer.handle(
                  (ok, failure) -> {
                    if (failure == null) {
                      scope = null;
                      armedDeadline = Long.MAX_VALUE;
                      fired = true;
                    }
                    return null;
                  });
            });
    scope = armed;
    armed.run();
  }

  void cancel() {
    if (scope != null) {
      scope.cancel();
      scope = null;
      armedDeadline = Long.MAX_VALUE;
    }
  }

  /** The main loop wakes up: the timer fired, or a deadline moved before the armed one. */
  boolean needsAttention() {
    return fired || retake || nextDeadline() < armedDeadline;
  }

  /** The store refused an auto-close for newer settings: decide what is due again, under them. */
  void retake() {
    retake = true;
  }

  /**
   * If the timer fired, applies what is due now: the session goes INACTIVE, or the warning is
   * posted, or the session auto-closes.
   *
   * @return the auto-close end, which the caller ends the session with; null if none is due
   */
  SessionEnd takeDue() {
    if (!fired && !retake) {
      return null;
    }
    fired = false;
    retake = false;
    long now = Workflow.currentTimeMillis();
    SessionTimers timers = session.timers();
    long autoCloseDeadline = state.autoCloseDeadline(timers);
    if (now >= autoCloseDeadline) {
      Workflow.getMetricsScope()
          .timer(LATENESS_METRIC)
          .record(com.uber.m3.util.Duration.ofMillis(now - autoCloseDeadline));
      return new SessionEnd(
          EndedBy.SYSTEM, null, INACTIVITY, Instant.ofEpochMilli(now), wantsCsatOnAutoClose());
    }
    if (now >= state.inactiveDeadline(timers)) {
      if (state.status != SessionStatus.INACTIVE
          && VersionMarkers.INACTIVE_CHECKS_SETTINGS.adopted()
          && session.caughtUpWithStore()) {
        // A longer inactivity may have been saved since (pulled, never pushed): decide again.
        retake = true;
        return null;
      }
      state.goInactive();
      readModel.markStale();
    }
    if (now >= state.warningDeadline(timers)) {
      warn(state.autoCloseDeadline(timers));
    }
    return null;
  }

  private boolean wantsCsatOnAutoClose() {
    return session
        .policy()
        .wantsCsat(new EndRequest(EndedBy.SYSTEM, null, INACTIVITY, null), state);
  }

  private void warn(long deadline) {
    long warnedBefore = state.warnedForDeadline;
    state.warnedFor(deadline);
    SessionStart start = session.start;
    SystemMessage warning =
        new SystemMessage(
            start.conversationId(),
            start.sessionId(),
            start.sessionId() + "-warning-" + deadline,
            "INACTIVITY_WARNING",
            session.timers().warningText());
    // A local activity spares the server an activity task and a workflow task per warning: it
    // counts when thousands of sessions come due together.
    if (VersionMarkers.PULLED_SETTINGS.adopted()) {
      Long[] newer = {null};
      session.storeRetry.untilStored(
          "inactivity warning",
          () -> newer[0] = warnings.postWarning(warning, session.settingsToCheck()),
          () -> stillMeant(deadline));
      if (newer[0] != null) {
        // Not posted: the store holds newer settings. Fetched at the loop's top, then decided
        // again.
        state.warnedFor(warnedBefore);
        session.storeHoldsSettings(newer[0]);
        retake = true;
      }
    } else if (VersionMarkers.LOCAL_WARNING.adopted()) {
      // Retried while the store is down, but only while the warning still means something.
      session.storeRetry.untilStored(
          "inactivity warning",
          () -> warnings.postSystemMessage(warning),
          () -> stillMeant(deadline));
    } else {
      conversation.postSystemMessage(warning);
    }
  }

  private boolean stillMeant(long deadline) {
    return !state.ended()
        && state.autoCloseDeadline(session.timers()) == deadline
        && Workflow.currentTimeMillis() < deadline;
  }
}
