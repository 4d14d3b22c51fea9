package dev.sessionflow.workflows.erasure;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;

public class EndUserErasureImpl implements EndUserErasure {
  /** Erasures from before data keys ended after the store. */
  public static final String SHRED_DATA_KEYS = "shred-data-keys";

  static final Duration RETIRE_LIMIT = Duration.ofDays(1);
  static final Duration RETIRE_POLL_MAX = Duration.ofMinutes(10);

  private static final Logger log = Workflow.getLogger(EndUserErasureImpl.class);

  /**
   * Bounded: about two hours of retries ride out a database or Temporal outage; an erasure still
   * failing after that fails visibly (a failed EndUserErasure), and asking again resumes it.
   */
  private final ErasureActivities service =
      Workflow.newActivityStub(
          ErasureActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(5))
                      .setMaximumAttempts(30)
                      .build())
              .setSummary("erase an end user")
              .build());

  @Override
  public Erased run(Erasure erasure) {
    List<String> open = service.openSessions(erasure.endUserId());
    for (String sessionId : open) {
      service.endErased(sessionId);
    }
    Erased erased = service.eraseStored(erasure).withSessionsEnded(open.size());
    if (Workflow.getVersion(SHRED_DATA_KEYS, Workflow.DEFAULT_VERSION, 1) < 1) {
      return erased;
    }
    awaitRetired(erasure.endUserId());
    return erased.withDataKeysDestroyed(service.destroyDataKeys(erasure));
  }

  /**
   * Waits, backing off to every {@link #RETIRE_POLL_MAX}, for the end user's session workflows to
   * have nothing left to do (an ended session settles within minutes: the reconciler sees to it),
   * for at most {@link #RETIRE_LIMIT}; a session still busy after that loses its key anyway, and
   * its workflow fails visibly rather than keep the end user's data readable.
   */
  private void awaitRetired(String endUserId) {
    long deadline = Workflow.currentTimeMillis() + RETIRE_LIMIT.toMillis();
    Duration pause = Duration.ofSeconds(5);
    List<String> busy = service.retireSessions(endUserId);
    while (!busy.isEmpty() && Workflow.currentTimeMillis() < deadline) {
      Workflow.sleep(pause);
      pause = min(pause.multipliedBy(2), RETIRE_POLL_MAX);
      busy = service.retireSessions(endUserId);
    }
    if (!busy.isEmpty()) {
      log.warn(
          "erasure: sessions {} still busy after {}; destroying their keys", busy, RETIRE_LIMIT);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }
}
