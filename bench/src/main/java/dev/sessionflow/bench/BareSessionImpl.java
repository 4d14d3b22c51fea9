package dev.sessionflow.bench;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class BareSessionImpl implements BareSession {
  private final BareActivities activities = activities();
  private int messages;
  private boolean ended;

  @Override
  public int run(String id) {
    Workflow.await(() -> ended);
    activities.survey(id);
    activities.settle(id);
    Workflow.await(Workflow::isEveryHandlerFinished);
    return messages;
  }

  @Override
  public void message(String messageId) {
    messages++;
  }

  @Override
  public String end(String who) {
    ended = true;
    return "ENDED";
  }

  @Override
  public void validateEnd(String who) {
    if (ended) {
      throw new IllegalStateException("already ended");
    }
  }

  /** The baselines' no-op activities, from workflow code. */
  static BareActivities activities() {
    return Workflow.newActivityStub(
        BareActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  }
}
