package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.activities.Retries;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import java.time.Duration;

/**
 * Timeouts and retries of the session's side effects. Every side effect is idempotent, so each is
 * retried while an outage lasts (it delays a session, never loses its end); business failures are
 * thrown as non-retryable ApplicationFailures and stop the retries. Each is bounded: a side effect
 * that fails for good stalls the session with an alert until ops retry it ({@link StoreRetry}).
 */
final class ActivityPolicies {

  /**
   * Read-model writes: a few milliseconds each, run in the worker without a server round trip.
   * Bounded well within the workflow task (10 s): a slow database must not hold a workflow-task
   * slot and one of the few local-activity slots for long, stalling every session's messages and
   * ends; {@link StoreRetry} takes a longer outage on durable timers, and alerts when it lasts.
   */
  static final LocalActivityOptions STORE =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(2))
          .setScheduleToCloseTimeout(Duration.ofSeconds(6))
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("session read model")
          .build();

  /** The close of an ended session, as a regular activity (see {@code durable-end} 2). */
  static final ActivityOptions CLOSE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("close session")
          .build();

  /**
   * The inactivity warning, in the workflow task the timer fired in (version {@code local-warning}
   * 1): the store posts a message id once, so a retry after a crash is harmless. When the store
   * stays down, the session retries on a durable timer until the close is due.
   */
  static final LocalActivityOptions WARNING =
      LocalActivityOptions.newBuilder(STORE).setSummary("inactivity warning").build();

  /**
   * The current settings, for a session that learnt it is behind: a quick read, tried briefly (an
   * end waits on it), then the session keeps the settings it has.
   */
  static final LocalActivityOptions SETTINGS =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(2))
          .setScheduleToCloseTimeout(Duration.ofSeconds(6))
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("current settings")
          .build();

  static final ActivityOptions MESSAGE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("message to the end user")
          .build();

  /**
   * How long the survey and the settlement retry (every 10 s) before they give up: an outage
   * shorter than this only delays them. Then, or at once on a non-retryable failure, the session
   * stalls with an alert and waits for ops ({@link StoreRetry#afterGivingUp}).
   */
  static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

  static final ActivityOptions SURVEY =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(GIVE_UP_AFTER)
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("CSAT survey")
          .build();

  static final ActivityOptions SETTLE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(GIVE_UP_AFTER)
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("settle ticket")
          .build();

  static final ActivityOptions SURVEY_AND_SETTLE =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(GIVE_UP_AFTER)
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("CSAT survey, then settle ticket")
          .build();

  private ActivityPolicies() {}
}
