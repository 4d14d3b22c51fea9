package dev.sessionflow.workflows.settings;

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
  /**
   * The walk's own queue, for the workflow and its activity: one walk at a time per replica, and
   * neither waits behind the sessions' work. (Measured: started on the sessions' queue right after
   * 10,000 sessions opened, the walk's first workflow task waited 4.5 minutes behind theirs; the
   * walk itself took under 2.) A walk that older code started on the sessions' queue, or whose
   * activity it scheduled on {@code messaging-maintenance}, still finds its worker there.
   */
  String TASK_QUEUE = "messaging-settings";

  String WORKFLOW_TYPE = "SettingsBroadcast";

  String ACTIVITY_TASK_QUEUE = TASK_QUEUE;

  static String workflowId(long version) {
    return "settings-broadcast-" + version;
  }

  @WorkflowMethod(name = WORKFLOW_TYPE)
  void run(long version);
}
