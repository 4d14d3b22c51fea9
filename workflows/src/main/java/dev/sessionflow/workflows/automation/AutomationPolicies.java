package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.activities.Retries;
import io.temporal.activity.ActivityOptions;
import java.time.Duration;

/**
 * Timeouts and retries of macro and trigger steps. Each step is idempotent, so it is retried until
 * done: an escalation completes fully or keeps trying, it never stops half-applied.
 */
final class AutomationPolicies {

  static final ActivityOptions TICKET =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("ticket update")
          .build();

  /** Ending waits for the session to settle its ticket; the heartbeat spots a lost worker. */
  static final ActivityOptions END_SESSION =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setHeartbeatTimeout(Duration.ofSeconds(10))
          .setRetryOptions(Retries.UNTIL_DONE)
          .setSummary("end messaging session")
          .build();

  private AutomationPolicies() {}
}
