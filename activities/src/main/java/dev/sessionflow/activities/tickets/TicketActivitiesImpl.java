package dev.sessionflow.activities.tickets;

import dev.sessionflow.activities.automation.TriggerStore;
import dev.sessionflow.activities.metrics.SessionMetrics;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.automation.TicketFacts;
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
  private final TriggerStore triggers;
  private final Transactions tx;
  private final SessionMetrics metrics;

  public TicketActivitiesImpl(
      TicketStore tickets, TriggerStore triggers, Transactions tx, SessionMetrics metrics) {
    this.tickets = tickets;
    this.triggers = triggers;
    this.tx = tx;
    this.metrics = metrics;
  }

  @Override
  public SettleOutcome settle(Settlement settlement) {
    SettleOutcome outcome;
    try {
      outcome =
          tx.inTransaction(
              () -> {
                TicketFacts before =
                    tickets
                        .facts(settlement.ticketId())
                        .orElseThrow(
                            () ->
                                ApplicationFailure.newNonRetryableFailure(
                                    "ticket " + settlement.ticketId() + " does not exist",
                                    "UnknownTicket"));
                if (tickets.reopenedAfter(settlement.sessionId(), settlement.round())
                    || !tickets.settle(settlement)) {
                  // reopened since (its ticket stays OPEN), or a retry: nothing changed now
                  return new SettleOutcome(null, before, false);
                }
                TicketFacts after = tickets.facts(settlement.ticketId()).orElseThrow();
                return new SettleOutcome(before, after, triggers.anyEnabled());
              });
    } catch (RuntimeException e) {
      metrics.settleFailed(e.getClass().getSimpleName());
      throw e;
    }
    if (outcome.before() != null) {
      metrics.ticketSettled();
      log.info("ticket {} settled {}", settlement.ticketId(), settlement.status());
    }
    return outcome;
  }
}
