package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.StoreRefusals;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * How the session retries a store write whose activity gave up (the database is down for longer
 * than the activity's own retries, or it refuses the write). Before version {@link
 * VersionMarkers#BOUNDED_STORE_RETRY} 1 it retried on a durable timer for ever, silently. From it
 * on: at most {@link #QUICK_ATTEMPTS} attempts with a growing backoff; then the write is
 * <em>stalled</em>: the metric {@value #STALLED_METRIC} counts it and each later failed try, the
 * session's current details say so, and it is tried again every {@link #STALLED_RETRY} or at once
 * when ops send the {@code retryStore} signal.
 *
 * <p>From {@link VersionMarkers#POISON_WAITS} 1 on, a side effect of a regular activity (the
 * survey, the settlement) that failed for good, non-retryably (the ticket does not exist) or after
 * its own retries ran out ({@link ActivityPolicies#GIVE_UP_AFTER}), stalls with the same alert and
 * waits for {@code retryStore} (after ops fixed the cause), without hourly tries: before it, such a
 * failure failed the whole session ({@link #afterGivingUp}).
 *
 * <p>From {@link VersionMarkers#REFUSED_WRITE_WAITS} 1 on, a store write the database refuses
 * ({@link StoreRefusals}) stalls at once the same way, instead of 8 quick attempts and hourly ones.
 */
final class StoreRetry {
  static final String STALLED_METRIC = "sessionflow_store_write_stalled";
  static final int QUICK_ATTEMPTS = 8;
  static final Duration STALLED_RETRY = Duration.ofHours(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  /** What is stalled and since when, for the current details; null while nothing is. */
  private String stalled;

  private boolean retryAsked;

  /** Republishes the session's current details when the alert changes. */
  private final Runnable describe;

  StoreRetry(Runnable describe) {
    this.describe = describe;
  }

  String stalled() {
    return stalled;
  }

  /** Ops asked for a retry now (the store is back). */
  void retryNow() {
    retryAsked = true;
  }

  void untilStored(String what, Runnable write) {
    untilStored(what, write, () -> true);
  }

  /**
   * Writes until stored, or until {@code stillWanted} (checked after each wait) says the write no
   * longer matters.
   */
  void untilStored(String what, Runnable write, BooleanSupplier stillWanted) {
    Duration backoff = Duration.ofSeconds(1);
    int failures = 0;
    boolean bounded = false;
    while (true) {
      try {
        write.run();
        if (stalled != null) {
          stalled = null;
          describe.run();
        }
        return;
      } catch (ActivityFailure storeDown) {
        failures++;
        if (failures == 1) {
          // Asked only when a write fails: a healthy session records no marker.
          bounded = VersionMarkers.BOUNDED_STORE_RETRY.adopted();
        }
        if (StoreRefusals.isRefusal(storeDown.getCause())
            && VersionMarkers.REFUSED_WRITE_WAITS.adopted()) {
          // A refusal fails the same way every time: no hourly tries, ops fix the data first.
          waitForOps(what, failures, storeDown);
        } else if (bounded && failures >= QUICK_ATTEMPTS) {
          if (failures == QUICK_ATTEMPTS) {
            stall(what, failures, ": ", storeDown);
          }
          // Each failed try while stalled counts (the first, then hourly): the alert on its
          // increase lasts while the session is stuck, and clears once the write goes through.
          Workflow.getMetricsScope().counter(STALLED_METRIC).inc(1);
          retryAsked = false;
          Workflow.await(STALLED_RETRY, () -> retryAsked);
        } else {
          Workflow.sleep(backoff);
          backoff =
              backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                  ? MAX_BACKOFF
                  : backoff.multipliedBy(2);
        }
        if (!stillWanted.getAsBoolean()) {
          if (stalled != null) {
            stalled = null;
            describe.run();
          }
          return;
        }
      }
    }
  }

  /**
   * A side effect whose activity gave up for good (non-retryably, or its own retries ran out):
   * stalls at once with the alert and tries again only when ops send {@code retryStore}, until it
   * goes through ({@link VersionMarkers#POISON_WAITS}; the caller asked it).
   *
   * @return what the write answered once it went through
   */
  <T> T afterGivingUp(String what, ActivityFailure gaveUp, java.util.function.Supplier<T> write) {
    ActivityFailure failed = gaveUp;
    for (int failures = 1; ; failures++) {
      waitForOps(what, failures, failed);
      try {
        T done = write.get();
        stalled = null;
        describe.run();
        return done;
      } catch (ActivityFailure again) {
        failed = again;
      }
    }
  }

  /** Stalls with the alert (once), counts the try, and waits for {@code retryStore} only. */
  private void waitForOps(String what, int failures, ActivityFailure failure) {
    if (stalled == null) {
      stall(what, failures, poison(failure) ? ", refused (waits for retryStore): " : ": ", failure);
    }
    Workflow.getMetricsScope().counter(STALLED_METRIC).inc(1);
    retryAsked = false;
    Workflow.await(() -> retryAsked);
  }

  /** Raises the alert: the session's current details lead with it. */
  private void stall(String what, int failures, String note, ActivityFailure failure) {
    stalled =
        what
            + " stalled since "
            + Instant.ofEpochMilli(Workflow.currentTimeMillis())
            + " after "
            + failures
            + (failures == 1 ? " attempt" : " attempts")
            + note
            + rootMessage(failure);
    describe.run();
  }

  /** A failure no retry can pass: the activity said so (non-retryable). */
  private static boolean poison(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure refused && refused.isNonRetryable();
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
