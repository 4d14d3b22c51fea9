package dev.sessionflow.worker.widget;

import dev.sessionflow.activities.widget.VisitorStore;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Forgets visitors whose tokens expired a day ago, every hour on every replica (a delete of what no
 * token can reach any more: repeating it does no harm). Their conversations stay.
 */
@Component
class ExpiredVisitors {
  private static final Logger log = LoggerFactory.getLogger(ExpiredVisitors.class);
  static final Duration PERIOD = Duration.ofHours(1);
  static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

  private final VisitorStore visitors;
  private final Clock clock;
  private final ScheduledExecutorService purge =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("visitor-purge").factory());

  ExpiredVisitors(VisitorStore visitors, Clock clock) {
    this.visitors = visitors;
    this.clock = clock;
    purge.scheduleWithFixedDelay(
        this::purgeQuietly, PERIOD.toMinutes(), PERIOD.toMinutes(), TimeUnit.MINUTES);
  }

  /** How many visitors were forgotten. */
  int purge() {
    return visitors.purgeExpired(clock.instant().minus(KEPT_AFTER_EXPIRY));
  }

  private void purgeQuietly() {
    try {
      int purged = purge();
      if (purged > 0) {
        log.info("forgot {} widget visitors that expired over a day ago", purged);
      }
    } catch (RuntimeException e) {
      log.warn("could not purge expired widget visitors; trying again in an hour", e);
    }
  }

  @PreDestroy
  void stop() {
    purge.shutdownNow();
  }
}
