package dev.sessionflow.workflows.erasure;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

public class EndUserErasureImpl implements EndUserErasure {
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
    return service.eraseStored(erasure).withSessionsEnded(open.size());
  }
}
