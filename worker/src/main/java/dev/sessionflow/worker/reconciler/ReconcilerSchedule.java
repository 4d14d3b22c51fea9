package dev.sessionflow.worker.reconciler;

import dev.sessionflow.worker.temporal.PeriodicPass;
import dev.sessionflow.workflows.reconciler.SessionReconciler;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reconciler's schedule: a pass every minute. */
@Configuration(proxyBeanMethods = false)
class ReconcilerSchedule {

  @Bean
  PeriodicPass reconcilerPasses(
      WorkflowClient client,
      @Value("${spring.temporal.test-server.enabled:false}") boolean inProcessServer) {
    return new PeriodicPass(
        client,
        inProcessServer,
        SessionReconciler.SCHEDULE_ID,
        SessionReconciler.class,
        passOptions(),
        SessionReconciler.PERIOD);
  }

  static WorkflowOptions passOptions() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(SessionReconciler.WORKFLOW_ID)
        .setTaskQueue(SessionReconciler.TASK_QUEUE)
        .setWorkflowRunTimeout(Duration.ofMinutes(10))
        .build();
  }
}
