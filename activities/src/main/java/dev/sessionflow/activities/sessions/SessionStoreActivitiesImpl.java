package dev.sessionflow.activities.sessions;

import dev.sessionflow.activities.conversations.ConversationStore;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionProgress;
import dev.sessionflow.workflows.activities.SessionStoreActivities;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class SessionStoreActivitiesImpl implements SessionStoreActivities {
  private final SessionStore sessions;
  private final ConversationStore conversations;
  private final Transactions tx;

  public SessionStoreActivitiesImpl(
      SessionStore sessions, ConversationStore conversations, Transactions tx) {
    this.sessions = sessions;
    this.conversations = conversations;
    this.tx = tx;
  }

  @Override
  public void recordProgress(SessionProgress progress) {
    tx.run(() -> sessions.recordProgress(progress));
  }

  @Override
  public void closeSession(SessionClosing closing) {
    conversations.close(closing);
  }
}
