package dev.sessionflow.worker.settings.preview;

import dev.sessionflow.activities.sessions.PastSessions;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.Author;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SessionState;
import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Instant;

/**
 * What one stored session would have come to under some timers and policy, from when its end user
 * and agents wrote. The session workflow's own rules decide ({@link SessionState} for deadlines,
 * {@link SessionPolicy} for surveys), so a preview cannot drift from what sessions do.
 *
 * <p>A message later than an auto-close deadline would have found the session closed: the replay
 * stops there. An end someone asked for stands at its time unless the clock came first. A session
 * the clock ended, or one still running, is replayed up to now: nothing else happened in it.
 */
final class Hindsight {
  private Hindsight() {}

  /**
   * @param autoClosedAt when the clock would have ended it; null if it would not have
   * @param endedBy who would have ended it; null while it would still run
   * @param surveyed whether its end would have sent a survey
   */
  record Outcome(Instant autoClosedAt, EndedBy endedBy, boolean surveyed) {
    boolean autoClosed() {
      return autoClosedAt != null;
    }
  }

  static Outcome replay(
      PastSessions.Session session, SessionTimers timers, SessionPolicy policy, Instant now) {
    SessionState state = SessionState.openedAt(session.openedAt().toEpochMilli());
    int seen = 0;
    for (PastSessions.Message message : session.messages()) {
      long at = message.sentAt().toEpochMilli();
      long due = state.autoCloseDeadline(timers);
      if (due < at) {
        return autoClosed(due, state, policy);
      }
      Author author = message.fromAgent() ? Author.AGENT : Author.END_USER;
      String agent = message.fromAgent() ? "agent" : null;
      state.onMessage(new ChatMessage("m" + seen++, author, agent, false), at);
    }
    EndedBy requested = requestedEnd(session);
    long horizon = requested != null ? session.endedAt().toEpochMilli() : now.toEpochMilli();
    long due = state.autoCloseDeadline(timers);
    if (due <= horizon) {
      return autoClosed(due, state, policy);
    }
    if (requested == null) {
      return new Outcome(null, null, false);
    }
    // Whether the request itself asked for a survey is not stored: the policy decides.
    EndRequest request = new EndRequest(requested, null, session.endReason(), null);
    return new Outcome(null, requested, policy.wantsCsat(request, state, true));
  }

  private static Outcome autoClosed(long due, SessionState state, SessionPolicy policy) {
    EndRequest clock = new EndRequest(EndedBy.SYSTEM, null, SessionPolicy.INACTIVITY, null);
    return new Outcome(Instant.ofEpochMilli(due), EndedBy.SYSTEM, policy.wantsCsat(clock, state));
  }

  /** Who asked for the stored end; null when the clock ended it or it still runs. */
  private static EndedBy requestedEnd(PastSessions.Session session) {
    if (session.endedBy() == null || session.endedAt() == null) {
      return null;
    }
    EndedBy by = EndedBy.valueOf(session.endedBy());
    return by == EndedBy.SYSTEM && SessionPolicy.INACTIVITY.equals(session.endReason()) ? null : by;
  }
}
