package dev.sessionflow.workflows.settings;

import io.temporal.activity.ActivityInterface;

/** The side of the broadcast that reaches the sessions. */
@ActivityInterface
public interface SettingsBroadcastActivities {

  /**
   * Signals the current settings to every running session, page by page. It heartbeats the last
   * session reached, so a retry (on any replica) goes on from there; a version that is no longer
   * the newest pushed one stops at once (its successor's broadcast sends newer settings).
   *
   * @return the number of sessions signalled
   */
  int sendToRunningSessions(long version);
}
