package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionSettings;
import dev.sessionflow.workflows.session.SettingsActivities;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class SettingsActivitiesImpl implements SettingsActivities {
  private final SettingsStore settings;

  public SettingsActivitiesImpl(SettingsStore settings) {
    this.settings = settings;
  }

  @Override
  public SessionSettings currentSettings() {
    return settings.current().forSessions();
  }
}
