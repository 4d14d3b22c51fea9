package dev.sessionflow.worker.reconciler;

import dev.sessionflow.workflows.reconciler.SessionReconciler;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the reconciler's Temporal Schedule once per namespace (every replica tries; the first
 * wins). The in-process server has no schedules: there, a timer of the service starts the same
 * workflow each period.
 */
@Component
class ReconcilerSchedule implements ApplicationRunner, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReconcilerSchedule.class);

  private final WorkflowClient client;
  private final boolean inProcessServer;
  private ScheduledExecutorService timer;

  ReconcilerSchedule(
      WorkflowClient client,
      @Value("${spring.temporal.test-server.enabled:false}") boolean inProcessServer) {
    this.client = client;
    this.inProcessServer = inProcessServer;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (inProcessServer) {
      timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
      long period = SessionReconciler.PERIOD.toMillis();
      timer.scheduleAtFixedRate(this::startPass, period, period, TimeUnit.MILLISECONDS);
      return;
    }
    ScheduleClient schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .build());
    try {
      schedules.createSchedule(
          SessionReconciler.SCHEDULE_ID, schedule(), ScheduleOptions.newBuilder().build());
      log.info("created the schedule {}", SessionReconciler.SCHEDULE_ID);
    } catch (ScheduleAlreadyRunningException kept) {
      log.debug("the schedule {} exists", SessionReconciler.SCHEDULE_ID);
    } catch (RuntimeException e) {
      // The service still serves; SessionflowReconcilerNotRunning pages while no pass runs.
      log.error("could not create the schedule {}", SessionReconciler.SCHEDULE_ID, e);
    }
  }

  static Schedule schedule() {
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(SessionReconciler.class)
                .setOptions(passOptions())
                .build())
        .setSpec(
            ScheduleSpec.newBuilder()
                .setIntervals(List.of(new ScheduleIntervalSpec(SessionReconciler.PERIOD)))
                .build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .build())
        .build();
  }

  static WorkflowOptions passOptions() {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(SessionReconciler.WORKFLOW_ID)
        .setTaskQueue(SessionReconciler.TASK_QUEUE)
        .setWorkflowRunTimeout(Duration.ofMinutes(10))
        .build();
  }

  private void startPass() {
    try {
      WorkflowClient.start(client.newWorkflowStub(SessionReconciler.class, passOptions())::run);
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.debug("a reconciler pass is still running");
    } catch (RuntimeException e) {
      log.warn("could not start a reconciler pass", e);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
