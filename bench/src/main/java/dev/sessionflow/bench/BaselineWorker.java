package dev.sessionflow.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/**
 * The baseline's worker, in its own JVM with the service's heap and worker settings (the defaults
 * of worker/src/main/resources/application.yml).
 */
final class BaselineWorker {
  static final int CACHE = 10_000;
  static final Duration STICKY_TIMEOUT = Duration.ofMinutes(3);
  static final int WORKFLOW_SLOTS = 200;
  static final int WORKFLOW_POLLERS = 16;
  static final int ACTIVITY_SLOTS = 100;
  static final int LOCAL_ACTIVITY_SLOTS = 100;

  private BaselineWorker() {}

  static void run(String address) throws InterruptedException {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    WorkerFactory factory =
        WorkerFactory.newInstance(
            WorkflowClient.newInstance(stubs),
            WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(CACHE)
                .setUsingVirtualWorkflowThreads(true)
                .build());
    Worker worker =
        factory.newWorker(
            BareSession.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(WORKFLOW_SLOTS)
                .setMaxConcurrentWorkflowTaskPollers(WORKFLOW_POLLERS)
                .setMaxConcurrentActivityExecutionSize(ACTIVITY_SLOTS)
                .setMaxConcurrentLocalActivityExecutionSize(LOCAL_ACTIVITY_SLOTS)
                .setStickyQueueScheduleToStartTimeout(STICKY_TIMEOUT)
                .build());
    worker.registerWorkflowImplementationTypes(
        BareSessionImpl.class, BareTimer.Impl.class, BareAutoClose.Impl.class);
    worker.registerActivitiesImplementations(new BareActivities.Noop());
    factory.start();
    System.out.println("baseline worker ready");
    Thread.currentThread().join();
  }
}
