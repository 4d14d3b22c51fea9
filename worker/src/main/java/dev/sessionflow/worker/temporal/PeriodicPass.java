package dev.sessionflow.worker.temporal;

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
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * A maintenance workflow that a Temporal Schedule starts every period, one pass at a time (the
 * schedule skips while a pass runs). Every replica tries to create the schedule; the first wins.
 * The in-process server has no schedules: there, a timer of the service starts the same workflow.
 */
public final class PeriodicPass implements ApplicationRunner, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PeriodicPass.class);

  private final WorkflowClient client;
  private final boolean inProcessServer;
  private final String scheduleId;
  private final Class<?> workflowType;
  private final WorkflowOptions options;
  private final Duration period;
  private ScheduledExecutorService timer;

  /**
   * @param inProcessServer the in-process server runs no schedules: a timer starts the passes
   * @param workflowType the workflow interface; its one method takes no argument
   * @param options the pass's id and task queue
   */
  public PeriodicPass(
      WorkflowClient client,
      boolean inProcessServer,
      String scheduleId,
      Class<?> workflowType,
      WorkflowOptions options,
      Duration period) {
    this.client = client;
    this.inProcessServer = inProcessServer;
    this.scheduleId = scheduleId;
    this.workflowType = workflowType;
    this.options = options;
    this.period = period;
  }

  /** Once the service is up: creates the schedule, or on the in-process server starts the timer. */
  @Override
  public void run(ApplicationArguments args) {
    if (inProcessServer) {
      timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
      timer.scheduleAtFixedRate(
          this::startPass, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    ScheduleClient schedules =
        ScheduleClient.newInstance(
            client.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .build());
    try {
      schedules.createSchedule(scheduleId, schedule(), ScheduleOptions.newBuilder().build());
      log.info("created the schedule {}", scheduleId);
    } catch (ScheduleAlreadyRunningException kept) {
      log.debug("the schedule {} exists", scheduleId);
    } catch (RuntimeException e) {
      // The service still serves; an alert pages while no pass runs.
      log.error("could not create the schedule {}", scheduleId, e);
    }
  }

  Schedule schedule() {
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(workflowType)
                .setOptions(options)
                .build())
        .setSpec(
            ScheduleSpec.newBuilder()
                .setIntervals(List.of(new ScheduleIntervalSpec(period)))
                .build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .build())
        .build();
  }

  /** Starts a pass now, unless one runs. */
  public void startPass() {
    try {
      client.newUntypedWorkflowStub(workflowType.getSimpleName(), options).start();
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.debug("a {} pass is still running", workflowType.getSimpleName());
    } catch (RuntimeException e) {
      log.warn("could not start a {} pass", workflowType.getSimpleName(), e);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
