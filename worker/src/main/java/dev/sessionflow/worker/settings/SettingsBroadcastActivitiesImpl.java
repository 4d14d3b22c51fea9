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
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = SettingsBroadcast.TASK_QUEUE)
class SettingsBroadcastActivitiesImpl implements SettingsBroadcastActivities {
  static final int PAGE = 500;

  private final SettingsStore settings;
  private final SessionStore sessions;
  private final SessionGateway gateway;

  SettingsBroadcastActivitiesImpl(
      SettingsStore settings, SessionStore sessions, SessionGateway gateway) {
    this.settings = settings;
    this.sessions = sessions;
    this.gateway = gateway;
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
    List<String> page;
    while (!(page = sessions.openSessionIds(after, PAGE)).isEmpty()) {
      for (String sessionId : page) {
        gateway.changeSettings(sessionId, changed); // a failure retries from the last heartbeat
        reached++;
      }
      after = page.getLast();
      context.heartbeat(after);
    }
    return reached;
  }
}
