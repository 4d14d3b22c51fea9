package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.ConversationActivities;
import dev.sessionflow.workflows.activities.SystemMessage;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class ConversationActivitiesImpl implements ConversationActivities {
  private final MessageStore messages;
  private final Transactions tx;
  private final SettingsStore settings;

  public ConversationActivitiesImpl(
      MessageStore messages, Transactions tx, SettingsStore settings) {
    this.messages = messages;
    this.tx = tx;
    this.settings = settings;
  }

  @Override
  public void postSystemMessage(SystemMessage message) {
    tx.run(() -> messages.postSystemMessage(message, null));
  }

  @Override
  public Long postWarning(SystemMessage message, Long settingsVersion) {
    long stored = settings.version();
    if (settingsVersion != null && stored > settingsVersion) {
      return stored; // decided under older settings: the session fetches these and decides again
    }
    postSystemMessage(message);
    return null;
  }
}
