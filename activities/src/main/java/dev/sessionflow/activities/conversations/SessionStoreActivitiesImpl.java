package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.tickets.TicketActivitiesImpl;
import dev.sessionflow.workflows.activities.Closed;
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
  private final SessionCloses closes;
  private final Transactions tx;
  private final TicketActivities tickets;
  private final DecidedCloses decided;

  public SessionStoreActivitiesImpl(
      SessionStore sessions,
      SessionCloses closes,
      Transactions tx,
      TicketActivitiesImpl tickets,
      DecidedCloses decided) {
    this.sessions = sessions;
    this.closes = closes;
    this.tx = tx;
    this.tickets = tickets;
    this.decided = decided;
  }

  @Override
  public void recordProgress(SessionProgress progress) {
    tx.run(() -> sessions.recordProgress(progress));
  }

  @Override
  public void closeSession(SessionClosing closing) {
    closes.close(closing);
  }

  @Override
  public SettleOutcome closeAndSettle(SessionClosing closing, Settlement settlement) {
    closes.close(closing);
    return tickets.settle(settlement);
  }

  @Override
  public Closed closeAsDecided(SessionClosing closing, Settlement settlement) {
    Closed closed = decided.close(closing);
    if (settlement == null
        || closed.refusedTheEnd()
        || !closed.end().sameDecisionAs(closing.end())) {
      return closed;
    }
    // Settled as stored (a retried task decided it again, later); a repeat answers the first
    // outcome.
    Settlement asStored =
        new Settlement(
            settlement.ticketId(),
            settlement.sessionId(),
            settlement.status(),
            settlement.group(),
            closing.end().asHeld(closed.end()),
            settlement.csat(),
            settlement.round());
    return Closed.as(closed.end(), tickets.settle(asStored));
  }
}
