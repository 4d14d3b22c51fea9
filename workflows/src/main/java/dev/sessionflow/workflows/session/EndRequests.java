package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code end} Update of a session: its validator, and the handler that waits for the messages
 * the caller saw, catches up on the settings the caller named, decides the end and hands it to
 * {@link AfterEnd}. It answers from the end the store holds, which may not be the one it decided.
 */
final class EndRequests {
  static final String DEFAULT_END_REASON = "RESOLVED";

  /** How long an end waits for the signals of messages the store holds; they take milliseconds. */
  static final Duration FOLLOW_UP_WAIT = Duration.ofSeconds(5);

  private final SessionContext session;
  private final SessionState state;
  private final AfterEnd afterEnd;

  EndRequests(SessionContext session, AfterEnd afterEnd) {
    this.session = session;
    this.state = session.state;
    this.afterEnd = afterEnd;
  }

  void validate(EndRequest request) {
    if (request == null || request.endedBy() == null) {
      throw SessionErrors.invalid("an end request names who ends the session");
    }
    if (state.ended() && !request.repeats(state.end)) {
      throw SessionErrors.sessionEnded(session.start.sessionId());
    }
  }

  EndResult handle(EndRequest request) {
    // Updates accepted in the same workflow task all pass the validator: the handler decides.
    if (state.ended() && endHeldByStore()) {
      return endedAlready(request);
    }
    // Asked only when the count says a message is missing: older requests carry none.
    boolean perSession =
        !state.hasSeenMessages(request.messagesBefore())
            && VersionMarkers.SEEN_PER_SESSION.adopted();
    if ((!state.hasSeen(request.lastSeenSequence()) || perSession)
        && VersionMarkers.END_AFTER_SEEN.adopted()) {
      // The API stored (and answered) messages this end follows whose signals are still on the
      // way: decide on them, not before them.
      Workflow.await(
          FOLLOW_UP_WAIT,
          () ->
              state.hasSeen(request.lastSeenSequence())
                      && (!perSession || state.hasSeenMessages(request.messagesBefore()))
                  || state.ended());
      if (state.ended() && endHeldByStore()) {
        return endedAlready(request);
      }
    }
    session.heardOfSettings(request.settingsVersion());
    if (session.settingsBehind()) {
      session.catchUpOnSettings(); // the end decides under the settings its caller saw
      if (state.ended() && endHeldByStore()) {
        return endedAlready(request);
      }
    }
    String reason = request.reason() == null ? DEFAULT_END_REASON : request.reason();
    // An Update is durable once the workflow task that accepted it completes. Where a side effect
    // before that could be seen in between (a reopen window), let that task complete first;
    // otherwise the close runs in this task and a lost task's repeat is absorbed (AfterEnd).
    int durableEnd = VersionMarkers.DURABLE_END.version();
    if (durableEnd == 1) {
      Workflow.newTimer(
              Duration.ofMillis(1), TimerOptions.newBuilder().setSummary("accept the end").build())
          .get();
      if (state.ended()) {
        return endedAlready(request);
      }
    }
    boolean automated = request.via() != null || SessionPolicy.ESCALATED.equals(reason);
    boolean automationRules = automated && VersionMarkers.TICKET_AUTOMATION.adopted();
    SessionEnd end =
        new SessionEnd(
            request.endedBy(),
            request.agentId(),
            reason,
            Instant.ofEpochMilli(Workflow.currentTimeMillis()),
            session.policy().wantsCsat(request, state, automationRules),
            automationRules ? request.via() : null,
            request.requestId());
    SessionPolicy policy = session.policy();
    afterEnd.end(
        end,
        end.via() != null
            ? EndPlan.byAutomation(end, policy, durableEnd >= 2)
            : EndPlan.onRequest(policy, automationRules, durableEnd >= 2));
    return endResult();
  }

  /**
   * Whether the session is still ended once the store answered its close: the answer is the store's
   * end, which may replace the one the session decided ({@link VersionMarkers#STORE_DECIDES_END}).
   */
  private boolean endHeldByStore() {
    if (!state.closed && VersionMarkers.STORE_DECIDES_END.adopted()) {
      Workflow.await(() -> state.closed || !state.ended());
    }
    return state.ended();
  }

  /** A repeat of the request that ended the session gets its answer again; others are refused. */
  private EndResult endedAlready(EndRequest request) {
    if (request.repeats(state.end)) {
      return endResult();
    }
    throw SessionErrors.sessionEnded(session.start.sessionId());
  }

  private EndResult endResult() {
    SessionEnd end = state.end;
    return new EndResult(
        session.start.sessionId(), SessionStatus.ENDED, end.endedBy(), end.reason(), end.endedAt());
  }
}
