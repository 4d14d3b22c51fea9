package dev.sessionflow.workflows.activities;

import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Retry policies shared by every workflow's side effects. */
public final class Retries {

  /**
   * For idempotent side effects: retried until done (1 s, doubling, at most every 10 s), so an
   * outage delays the work and never loses it. Business failures are thrown non-retryable.
   */
  public static final RetryOptions UNTIL_DONE =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofSeconds(10))
          .build();

  private Retries() {}
}
