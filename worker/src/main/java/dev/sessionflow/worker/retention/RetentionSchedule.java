package dev.sessionflow.worker.retention;

import dev.sessionflow.worker.temporal.PeriodicPass;
import dev.sessionflow.workflows.retention.TranscriptRetention;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The retention schedule: a pass every hour ({@link PeriodicPass}); it purges only when set. */
@Component
class RetentionSchedule implements ApplicationRunner, AutoCloseable {
  private final PeriodicPass pass;
  private final boolean inProcessServer;

  RetentionSchedule(
      WorkflowClient client,
      @Value("${spring.temporal.test-server.enabled:false}") boolean inProcessServer) {
    this.pass =
        new PeriodicPass(
            client,
            TranscriptRetention.SCHEDULE_ID,
            TranscriptRetention.class,
            passOptions(),
            TranscriptRetention.PERIOD);
    this.inProcessServer = inProcessServer;
  }

  @Override
  public void run(ApplicationArguments args) {
    pass.begin(inProcessServer);
  }

  static WorkflowOptions passOptions() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(TranscriptRetention.WORKFLOW_ID)
        .setTaskQueue(TranscriptRetention.TASK_QUEUE)
        .setWorkflowRunTimeout(Duration.ofHours(1))
        .build();
  }

  @Override
  public void close() {
    pass.close();
  }
}
