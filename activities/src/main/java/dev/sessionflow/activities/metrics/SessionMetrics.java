package dev.sessionflow.activities.metrics;

import dev.sessionflow.workflows.model.EndedBy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The service's own counters, beside the Temporal SDK's (at /actuator/prometheus). Each counts a
 * fact once, where the store knows it happened for the first time, so retries do not inflate it.
 * Labels take values from enums or configured lists only, anything else is {@code OTHER}: callers
 * choose end reasons, and must not be able to mint series.
 */
@Component
public class SessionMetrics {
  private final MeterRegistry registry;
  private final Counter opened;
  private final Counter csatSent;
  private final Counter settled;
  private final Set<String> endReasons;

  static final String OTHER = "OTHER";
  private static final Set<String> BUILT_IN_REASONS =
      Set.of("RESOLVED", "ESCALATED", "INACTIVITY", "END_USER_LEFT");
  private static final Set<String> ENDED_BY =
      Arrays.stream(EndedBy.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  /** Failures settling a ticket, by the kind of exception (the rest are OTHER). */
  private static final Set<String> CAUSES =
      Set.of(
          "CannotGetJdbcConnectionException",
          "DataAccessResourceFailureException",
          "TransientDataAccessResourceException",
          "QueryTimeoutException",
          "CannotAcquireLockException",
          "PessimisticLockingFailureException",
          "DeadlockLoserDataAccessException",
          "DataIntegrityViolationException");

  public SessionMetrics(MeterRegistry registry, MetricsProperties properties) {
    this.registry = registry;
    this.endReasons =
        Stream.concat(BUILT_IN_REASONS.stream(), properties.endReasons().stream())
            .collect(Collectors.toUnmodifiableSet());
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
        .tag("ended_by", bounded(endedBy, ENDED_BY))
        .tag("reason", bounded(reason, endReasons))
        .register(registry)
        .increment();
  }

  public void csatSent() {
    csatSent.increment();
  }

  public void csatAnswered(int rating) {
    Counter.builder("sessionflow.csat.answered")
        .description("CSAT surveys answered, by rating")
        .tag("rating", rating >= 1 && rating <= 10 ? Integer.toString(rating) : OTHER)
        .register(registry)
        .increment();
  }

  public void ticketSettled() {
    settled.increment();
  }

  public void settleFailed(String cause) {
    Counter.builder("sessionflow.tickets.settle.failures")
        .description("Failed attempts to settle a ticket (retried until they succeed)")
        .tag("cause", bounded(cause, CAUSES))
        .register(registry)
        .increment();
  }

  private static String bounded(String value, Set<String> known) {
    return value != null && known.contains(value) ? value : OTHER;
  }
}
