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

  /** A change the store holds already: only the search attributes must follow. */
  private boolean attributesStale;

  ReadModel(SessionContext session) {
    this.session = session;
    this.stale = session.state.readModelBehind; // what the previous run had not recorded
  }

  /** Status or assignee moved: the store must hear of it. */
  void markStale() {
    stale = true;
  }

  /** The assignee moved, and the store took it with the message: Visibility must hear of it. */
  void markAttributesStale() {
    attributesStale = true;
  }

  boolean stale() {
    return stale || attributesStale;
  }

  /**
   * Records the progress (a local activity, retried while the store is down) unless the store holds
   * it already, then publishes.
   */
  void flush() {
    boolean storeBehind = stale;
    stale = false;
    attributesStale = false;
    if (storeBehind) {
      SessionState state = session.state;
      SessionProgress progress =
          new SessionProgress(
              session.start.sessionId(), state.revision, state.status, state.assignedAgentId);
      session.storeRetry.untilStored("read-model update", () -> store.recordProgress(progress));
    }
    session.publish();
  }
}
