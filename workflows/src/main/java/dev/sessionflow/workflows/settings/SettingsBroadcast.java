package dev.sessionflow.workflows.settings;

import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Sends a pushed settings version (one that brought a deadline sooner; sessions pull any other) to
 * every running session. One workflow per version (id {@code settings-broadcast-<version>}), so a
 * second start of the same broadcast is refused; any replica's worker runs it, and a replica that
 * dies mid-way leaves the rest to another.
 */
@WorkflowInterface
public interface SettingsBroadcast {
  String TASK_QUEUE = MessagingSession.TASK_QUEUE;
  String WORKFLOW_TYPE = "SettingsBroadcast";

  /**
   * The walk's queue, its own: one walk at a time per replica, and neither a session's side effect
   * nor the reconciler's pass waits behind it. (Before, the walk ran on the reconciler's {@code
   * messaging-maintenance}, where its activity is still registered for a walk scheduled there.)
   */
  String ACTIVITY_TASK_QUEUE = "messaging-settings";

  static String workflowId(long version) {
    return "settings-broadcast-" + version;
  }

  @WorkflowMethod(name = WORKFLOW_TYPE)
  void run(long version);
}
