package dev.sessionflow.activities.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The service's own counters, beside the Temporal SDK's (at /actuator/prometheus). Each counts a
 * fact once, where the store knows it happened for the first time, so retries do not inflate it.
 */
@Component
public class SessionMetrics {
  private final MeterRegistry registry;
  private final Counter opened;
  private final Counter csatSent;
  private final Counter settled;

  public SessionMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.opened =
        Counter.builder("sessionflow.sessions.opened")
            .description("Messaging sessions opened")
            .register(registry);
    this.csatSent =
        Counter.builder("sessionflow.csat.sent")
            .description("CSAT survey invitations sent")
            .register(registry);
    this.settled =
        Counter.builder("sessionflow.tickets.settled")
            .description("Tickets settled after their session ended")
            .register(registry);
  }

  public void sessionOpened() {
    opened.increment();
  }

  public void sessionEnded(String endedBy, String reason) {
    Counter.builder("sessionflow.sessions.ended")
        .description("Messaging sessions ended, by who ended them and why")
        .tag("ended_by", endedBy)
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  public void csatSent() {
    csatSent.increment();
  }

  public void csatAnswered(int rating) {
    Counter.builder("sessionflow.csat.answered")
        .description("CSAT surveys answered, by rating")
        .tag("rating", Integer.toString(rating))
        .register(registry)
        .increment();
  }

  public void ticketSettled() {
    settled.increment();
  }

  public void settleFailed(String cause) {
    Counter.builder("sessionflow.tickets.settle.failures")
        .description("Failed attempts to settle a ticket (retried until they succeed)")
        .tag("cause", cause)
        .register(registry)
        .increment();
  }
}
