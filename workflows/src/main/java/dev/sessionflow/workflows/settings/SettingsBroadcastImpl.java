package dev.sessionflow.workflows.settings;

import dev.sessionflow.workflows.activities.Retries;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class SettingsBroadcastImpl implements SettingsBroadcast {

  /**
   * A long walk over the open sessions; the heartbeat notices a replica that died within seconds,
   * and the retry resumes from the last session it reached.
   */
  static final ActivityOptions SEND =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofHours(2))
          .setHeartbeatTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofDays(1))
          .setRetryOptions(Retries.UNTIL_DONE)
          // Its own queue: a long walk never takes the slot of a session's side effect.
          .setTaskQueue(SettingsBroadcast.ACTIVITY_TASK_QUEUE)
          .setSummary("settings to running sessions")
          .build();

  private final SettingsBroadcastActivities sessions =
      Workflow.newActivityStub(SettingsBroadcastActivities.class, SEND);

  @Override
  public void run(long version) {
    int reached = sessions.sendToRunningSessions(version);
    Workflow.getLogger(SettingsBroadcastImpl.class)
        .info("settings version {} sent to {} running sessions", version, reached);
  }
}
