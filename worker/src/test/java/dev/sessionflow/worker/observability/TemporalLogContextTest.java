package dev.sessionflow.worker.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** An activity of a session's workflow logs with the session's, ticket's and workflow's ids. */
class TemporalLogContextTest {
  private final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder()
              .setWorkerFactoryOptions(
                  WorkerFactoryOptions.newBuilder()
                      .setWorkerInterceptors(new TemporalLogContext())
                      .build())
              .build());

  record Closing(String ticketId, int attempt) {}

  @ActivityInterface
  public interface Probe {
    Map<String, String> mdc(Closing closing);
  }

  @WorkflowInterface
  public interface Probing {
    @WorkflowMethod
    Map<String, String> run();
  }

  public static class ProbingImpl implements Probing {
    @Override
    public Map<String, String> run() {
      Map<String, String> seen =
          Workflow.newActivityStub(
                  Probe.class,
                  ActivityOptions.newBuilder()
                      .setStartToCloseTimeout(Duration.ofSeconds(10))
                      .build())
              .mdc(new Closing("t-42", 1));
      Map<String, String> all = new HashMap<>(seen);
      all.put("workflow." + LogContext.SESSION_ID, MDC.get(LogContext.SESSION_ID));
      return all;
    }
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void activitiesAndWorkflowCodeLogWithTheIds() {
    Worker worker = env.newWorker("q");
    worker.registerWorkflowImplementationTypes(ProbingImpl.class);
    worker.registerActivitiesImplementations(
        (Probe) closing -> new HashMap<>(MDC.getCopyOfContextMap()));
    env.start();

    Map<String, String> seen =
        env.getWorkflowClient()
            .newWorkflowStub(
                Probing.class,
                WorkflowOptions.newBuilder().setTaskQueue("q").setWorkflowId("session-s-7").build())
            .run();

    assertThat(seen)
        .containsEntry(LogContext.SESSION_ID, "s-7")
        .containsEntry(LogContext.TICKET_ID, "t-42")
        .containsEntry(LogContext.WORKFLOW_ID, "session-s-7")
        .containsKey(LogContext.RUN_ID)
        .containsEntry("workflow." + LogContext.SESSION_ID, "s-7");
  }
}
