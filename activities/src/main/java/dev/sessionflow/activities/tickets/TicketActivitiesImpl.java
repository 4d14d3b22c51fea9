package dev.sessionflow.activities.tickets;

import dev.sessionflow.activities.metrics.SessionMetrics;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class TicketActivitiesImpl implements TicketActivities {
  private static final Logger log = LoggerFactory.getLogger(TicketActivitiesImpl.class);

  private final TicketStore tickets;
  private final Transactions tx;
  private final SessionMetrics metrics;

  public TicketActivitiesImpl(TicketStore tickets, Transactions tx, SessionMetrics metrics) {
    this.tickets = tickets;
    this.tx = tx;
    this.metrics = metrics;
  }

  @Override
  public void settle(Settlement settlement) {
    boolean settled;
    try {
      settled =
          tx.inTransaction(
              () -> {
                if (tickets.find(settlement.ticketId()).isEmpty()) {
                  throw ApplicationFailure.newNonRetryableFailure(
                      "ticket " + settlement.ticketId() + " does not exist", "UnknownTicket");
                }
                if (tickets.reopenedAfter(settlement.sessionId(), settlement.round())) {
                  return false; // the session is open again: its ticket stays OPEN
                }
                return tickets.settle(settlement);
              });
    } catch (RuntimeException e) {
      metrics.settleFailed(e.getClass().getSimpleName());
      throw e;
    }
    if (settled) {
      metrics.ticketSettled();
      log.info("ticket {} settled {}", settlement.ticketId(), settlement.status());
    }
  }
}
