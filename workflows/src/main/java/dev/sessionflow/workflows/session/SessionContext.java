package dev.sessionflow.workflows.session;

import io.temporal.workflow.Workflow;

/**
 * What the parts of one session run share: how the session started, its state, the settings in
 * force (an admin may change them while it runs), the store-retry policy and the details that the
 * Temporal Web UI shows for it.
 */
final class SessionContext {
  final SessionStart start;
  final SessionState state;
  final StoreRetry storeRetry = new StoreRetry(this::describe);
  private SessionTimers timers;
  private SessionPolicy policy;

  SessionContext(SessionStart start, SessionState state) {
    this.start = start;
    this.state = state;
    this.timers = start.timers();
    this.policy = start.policy();
  }

  SessionTimers timers() {
    return timers;
  }

  SessionPolicy policy() {
    return policy;
  }

  /** The settings an admin saved apply from now on. */
  void apply(SessionSettings settings) {
    timers = settings.timers();
    policy = settings.policy();
  }

  /** The input of the next run, carrying the state and the settings in force. */
  SessionStart nextRun() {
    return start.with(timers, policy).carrying(state);
  }

  /** Search attributes (a command) then current details, after a change ops filter on. */
  void publish() {
    SessionAttributes.publish(state);
    describe();
  }

  /** The current details: the session at a glance, led by a stalled store write's alert. */
  void describe() {
    String details = SessionDetails.markdown(start, state);
    if (storeRetry.stalled() != null) {
      details = "**ALERT: " + storeRetry.stalled() + "** (see docs/operations.md)\n\n" + details;
    }
    Workflow.setCurrentDetails(details);
  }
}
