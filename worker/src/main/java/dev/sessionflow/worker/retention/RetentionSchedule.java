package dev.sessionflow.worker.retention;

import dev.sessionflow.worker.temporal.PeriodicPass;
import dev.sessionflow.workflows.retention.TranscriptRetention;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention schedule: a pass every hour, which purges only while retention is set. */
@Configuration(proxyBeanMethods = false)
class RetentionSchedule {

  @Bean
  PeriodicPass retentionPasses(
      WorkflowClient client,
      @Value("${spring.temporal.test-server.enabled:false}") boolean inProcessServer) {
    return new PeriodicPass(
        client,
        inProcessServer,
        TranscriptRetention.SCHEDULE_ID,
        TranscriptRetention.class,
        passOptions(),
        TranscriptRetention.PERIOD);
  }

  static WorkflowOptions passOptions() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(TranscriptRetention.WORKFLOW_ID)
        .setTaskQueue(TranscriptRetention.TASK_QUEUE)
        .setWorkflowRunTimeout(Duration.ofHours(1))
        .build();
  }
}
