package dev.sessionflow.workflows.activities;

import io.temporal.failure.ApplicationFailure;

/**
 * A store write the database refuses for good (a constraint it breaks, a value it cannot hold):
 * trying again cannot help, so the activity fails non-retryably with this type, and the session
 * stalls with its store alert and waits for ops' {@code retryStore} instead of trying every hour.
 * An outage is never this: it stays retryable and the session retries it.
 */
public final class StoreRefusals {
  public static final String TYPE = "StoreRefused";

  private StoreRefusals() {}

  public static ApplicationFailure refused(String message, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(message, TYPE, cause);
  }

  /** Whether a failure is such a refusal. */
  public static boolean isRefusal(Throwable failure) {
    return failure instanceof ApplicationFailure f
        && f.isNonRetryable()
        && TYPE.equals(f.getType());
  }
}
