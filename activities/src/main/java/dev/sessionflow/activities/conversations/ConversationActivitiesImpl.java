package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.ConversationActivities;
import dev.sessionflow.workflows.activities.SystemMessage;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class ConversationActivitiesImpl implements ConversationActivities {
  private final ConversationStore conversations;
  private final Transactions tx;

  public ConversationActivitiesImpl(ConversationStore conversations, Transactions tx) {
    this.conversations = conversations;
    this.tx = tx;
  }

  @Override
  public void postSystemMessage(SystemMessage message) {
    tx.run(() -> conversations.postSystemMessage(message, null));
  }
}
