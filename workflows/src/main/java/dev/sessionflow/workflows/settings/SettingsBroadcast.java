package dev.sessionflow.workflows.settings;

import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Sends one saved settings version to every running session. One workflow per version (id {@code
 * settings-broadcast-<version>}), so a second start of the same broadcast is refused; any replica's
 * worker runs it, and a replica that dies mid-way leaves the rest to another.
 */
@WorkflowInterface
public interface SettingsBroadcast {
  String TASK_QUEUE = MessagingSession.TASK_QUEUE;
  String WORKFLOW_TYPE = "SettingsBroadcast";

  /**
   * The walk's queue: the maintenance queue, which the reconciler's passes share (the same name as
   * {@code SessionReconciler.TASK_QUEUE}, kept equal by a test).
   */
  String ACTIVITY_TASK_QUEUE = "messaging-maintenance";

  static String workflowId(long version) {
    return "settings-broadcast-" + version;
  }

  @WorkflowMethod(name = WORKFLOW_TYPE)
  void run(long version);
}
