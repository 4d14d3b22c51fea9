package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.sessions.SessionGateway;
import dev.sessionflow.workflows.session.SessionSettings;
import dev.sessionflow.workflows.settings.SettingsBroadcast;
import dev.sessionflow.workflows.settings.SettingsBroadcastActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The walk over the open sessions, on the maintenance queue (it never takes a session's activity
 * slot). It heartbeats after every session, so a retry resumes where the last attempt stopped and a
 * slow page cannot outlast the heartbeat timeout; it stops as soon as a newer version is saved
 * (that version's walk sends newer settings), and it paces its signals so that a change reaching
 * many sessions does not crowd out their messages.
 */
@Component
@ActivityImpl(taskQueues = SettingsBroadcast.ACTIVITY_TASK_QUEUE)
class SettingsBroadcastActivitiesImpl implements SettingsBroadcastActivities {
  static final int PAGE = 500;

  private final SettingsStore settings;
  private final SessionStore sessions;
  private final SessionGateway gateway;
  private final long nanosPerSignal;

  SettingsBroadcastActivitiesImpl(
      SettingsStore settings,
      SessionStore sessions,
      SessionGateway gateway,
      @Value("${sessionflow.settings.broadcast-per-second:1000}") int perSecond) {
    this.settings = settings;
    this.sessions = sessions;
    this.gateway = gateway;
    this.nanosPerSignal = 1_000_000_000L / Math.max(1, perSecond);
  }

  @Override
  public int sendToRunningSessions(long version) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    MessagingSettings current = settings.current();
    if (current.version() > version) {
      return 0; // superseded: the newer version's broadcast sends newer settings
    }
    SessionSettings changed = current.forSessions();
    String after = context.getHeartbeatDetails(String.class).orElse("");
    int reached = 0;
    long next = System.nanoTime();
    List<String> page;
    while (!(page = sessions.openSessionIds(after, PAGE)).isEmpty()) {
      for (String sessionId : page) {
        LockSupport.parkNanos(next - System.nanoTime());
        next = Math.max(next, System.nanoTime() - nanosPerSignal) + nanosPerSignal;
        gateway.changeSettings(sessionId, changed); // a failure retries after the last heartbeat
        reached++;
        context.heartbeat(sessionId); // throttled by the SDK: cheap per call
      }
      after = page.getLast();
      if (settings.version() > version) {
        return reached; // a newer version was saved meanwhile: its walk takes over
      }
    }
    return reached;
  }
}
