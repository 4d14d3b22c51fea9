package dev.sessionflow.worker.reconciler;

import dev.sessionflow.worker.temporal.PeriodicPass;
import dev.sessionflow.workflows.reconciler.SessionReconciler;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The reconciler's schedule: a pass every minute ({@link PeriodicPass}). */
@Component
class ReconcilerSchedule implements ApplicationRunner, AutoCloseable {
  private final PeriodicPass pass;
  private final boolean inProcessServer;

  ReconcilerSchedule(
      WorkflowClient client,
      @Value("${spring.temporal.test-server.enabled:false}") boolean inProcessServer) {
    this.pass =
        new PeriodicPass(
            client,
            SessionReconciler.SCHEDULE_ID,
            SessionReconciler.class,
            passOptions(),
            SessionReconciler.PERIOD);
    this.inProcessServer = inProcessServer;
  }

  @Override
  public void run(ApplicationArguments args) {
    pass.begin(inProcessServer);
  }

  static WorkflowOptions passOptions() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(SessionReconciler.WORKFLOW_ID)
        .setTaskQueue(SessionReconciler.TASK_QUEUE)
        .setWorkflowRunTimeout(Duration.ofMinutes(10))
        .build();
  }

  @Override
  public void close() {
    pass.close();
  }
}
