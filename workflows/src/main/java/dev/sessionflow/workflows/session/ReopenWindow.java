package dev.sessionflow.workflows.session;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * After the close, with a reopen window in the policy: an end-user message within it reopens the
 * session (the store has already reopened it when the message arrives), same session and ticket.
 */
final class ReopenWindow {
  /** The workflow waits a little longer than the reopen window the API checks. */
  static final Duration REOPEN_SLACK = Duration.ofMinutes(1);

  private final SessionContext session;
  private final ReadModel readModel;
  private ChatMessage reopenedBy;

  /** The session has done all its end asked for and only waits out the window. */
  private boolean waiting;

  /** Messages that reached the ended session after the store reopened it, applied on reopening. */
  private final List<ChatMessage> afterReopen = new ArrayList<>();

  ReopenWindow(SessionContext session, ReadModel readModel) {
    this.session = session;
    this.readModel = readModel;
  }

  /** A message that reached the closed session: it reopens it, or follows the one that did. */
  void onMessageAfterClose(ChatMessage message) {
    if (message.reopening() && session.policy().reopenWithin() != null) {
      reopenedBy = message; // the store reopened the session for it
    } else if (reopenedBy != null) {
      afterReopen.add(message);
    }
  }

  /** Whether the session only waits out its window: it has nothing else left to do. */
  boolean waiting() {
    return waiting;
  }

  /** A message reopened the session: what is left of the after-end sequence is moot. */
  boolean requested() {
    return reopenedBy != null;
  }

  /**
   * Waits out the window (plus slack for the API's own check) for a message that reopens the
   * session; on one, the session is ACTIVE again with that message and those that followed it.
   */
  boolean reopened() {
    Duration within = session.policy().reopenWithin();
    if (within == null) {
      return false;
    }
    waiting = true;
    boolean asked = Workflow.await(within.plus(REOPEN_SLACK), this::requested);
    waiting = false;
    if (!asked) {
      return false;
    }
    SessionState state = session.state;
    state.reopen(Workflow.currentTimeMillis());
    state.onMessage(reopenedBy, Workflow.currentTimeMillis());
    reopenedBy = null;
    afterReopen.forEach(m -> state.onMessage(m, Workflow.currentTimeMillis()));
    afterReopen.clear();
    readModel.markStale();
    session.publish();
    return true;
  }
}
