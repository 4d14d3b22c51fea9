package dev.sessionflow.activities.tickets;

import dev.sessionflow.activities.metrics.SessionMetrics;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.activities.TicketActivities;
import dev.sessionflow.workflows.model.TicketFacts;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.failure.ApplicationFailure;
import io.temporal.spring.boot.ActivityImpl;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = MessagingSession.TASK_QUEUE)
public class TicketActivitiesImpl implements TicketActivities {
  private static final Logger log = LoggerFactory.getLogger(TicketActivitiesImpl.class);

  private final TicketStore tickets;
  private final EnabledTriggers triggers;
  private final Transactions tx;
  private final SessionMetrics metrics;
  private final SettlementOutcomes outcomes;

  public TicketActivitiesImpl(
      TicketStore tickets,
      EnabledTriggers triggers,
      Transactions tx,
      SessionMetrics metrics,
      SettlementOutcomes outcomes) {
    this.tickets = tickets;
    this.outcomes = outcomes;
    this.triggers = triggers;
    this.tx = tx;
    this.metrics = metrics;
  }

  @Override
  public SettleOutcome settle(Settlement settlement) {
    SettleOutcome outcome;
    AtomicBoolean settledNow = new AtomicBoolean();
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
                if (tickets.reopenedAfter(
                    settlement.ticketId(), settlement.sessionId(), settlement.round())) {
                  // reopened since: its ticket stays OPEN and nothing changes now
                  return new SettleOutcome(null, before, false);
                }
                if (!tickets.settle(settlement)) {
                  // a retry: the first outcome again, so that the triggers still see the change
                  return outcomes
                      .first(settlement.sessionId(), settlement.round())
                      .orElse(new SettleOutcome(null, before, false));
                }
                TicketFacts after = tickets.facts(settlement.ticketId()).orElseThrow();
                SettleOutcome settled = new SettleOutcome(before, after, triggers.anyEnabled());
                outcomes.record(settlement.sessionId(), settlement.round(), settled);
                settledNow.set(true);
                return settled;
              });
    } catch (RuntimeException e) {
      metrics.settleFailed(e.getClass().getSimpleName());
      throw e;
    }
    if (settledNow.get()) {
      metrics.ticketSettled();
      log.info("ticket {} settled {}", settlement.ticketId(), settlement.status());
    }
    return outcome;
  }
}
