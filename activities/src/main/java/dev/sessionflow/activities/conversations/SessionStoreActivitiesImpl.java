package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.tickets.TicketActivitiesImpl;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionProgress;
import dev.sessionflow.workflows.activities.SessionStoreActivities;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class SessionStoreActivitiesImpl implements SessionStoreActivities {
  private final SessionStore sessions;
  private final ConversationStore conversations;
  private final Transactions tx;
  private final TicketActivities tickets;

  public SessionStoreActivitiesImpl(
      SessionStore sessions,
      ConversationStore conversations,
      Transactions tx,
      TicketActivitiesImpl tickets) {
    this.sessions = sessions;
    this.conversations = conversations;
    this.tx = tx;
    this.tickets = tickets;
  }

  @Override
  public void recordProgress(SessionProgress progress) {
    tx.run(() -> sessions.recordProgress(progress));
  }

  @Override
  public void closeSession(SessionClosing closing) {
    conversations.close(closing);
  }

  @Override
  public SettleOutcome closeAndSettle(SessionClosing closing, Settlement settlement) {
    conversations.close(closing);
    return tickets.settle(settlement);
  }
}
