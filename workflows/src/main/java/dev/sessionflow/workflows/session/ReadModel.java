package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.SessionProgress;
import dev.sessionflow.workflows.activities.SessionStoreActivities;
import io.temporal.workflow.Workflow;

/**
 * Keeps the store's read model of the session (status, assignee) in step with the workflow:
 * handlers only mark it stale, and the main loop flushes it, so a message never waits on the store.
 */
final class ReadModel {
  private final SessionContext session;
  private final SessionStoreActivities store =
      Workflow.newLocalActivityStub(SessionStoreActivities.class, ActivityPolicies.STORE);
  private boolean stale;

  ReadModel(SessionContext session) {
    this.session = session;
  }

  /** Status or assignee moved: the store must hear of it. */
  void markStale() {
    stale = true;
  }

  boolean stale() {
    return stale;
  }

  /** Records the progress (a local activity, retried while the store is down), then publishes. */
  void flush() {
    stale = false;
    SessionState state = session.state;
    SessionProgress progress =
        new SessionProgress(
            session.start.sessionId(), state.revision, state.status, state.assignedAgentId);
    session.storeRetry.untilStored("read-model update", () -> store.recordProgress(progress));
    session.publish();
  }
}
