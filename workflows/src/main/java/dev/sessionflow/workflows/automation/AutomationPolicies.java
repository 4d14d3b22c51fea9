package dev.sessionflow.workflows.automation;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retries of macro and trigger steps. Each step is idempotent, so it is retried until
 * done: an escalation completes fully or keeps trying, it never stops half-applied.
 */
final class AutomationPolicies {

  private static final RetryOptions UNTIL_DONE =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofSeconds(10))
          .build();

  static final ActivityOptions TICKET =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(UNTIL_DONE)
          .setSummary("ticket update")
          .build();

  /** Ending waits for the session to settle its ticket; the heartbeat spots a lost worker. */
  static final ActivityOptions END_SESSION =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setHeartbeatTimeout(Duration.ofSeconds(10))
          .setRetryOptions(UNTIL_DONE)
          .setSummary("end messaging session")
          .build();

  private AutomationPolicies() {}
}
