package dev.sessionflow.worker.realserver;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.reconciler.SessionReconciler;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The service's schedules as a server holds them, for the real-server and cluster suites. */
final class ReconcilerSchedules {
  private ReconcilerSchedules() {}

  /**
   * Its description once {@code ready} holds. A replica creates the schedule after it starts
   * serving, so a test that just saw the port open may ask before it exists.
   */
  static ScheduleDescription await(
      WorkflowServiceStubs stubs, Duration timeout, Predicate<ScheduleDescription> ready) {
    return await(stubs, SessionReconciler.SCHEDULE_ID, timeout, ready);
  }

  /** The same for the schedule {@code scheduleId}. */
  static ScheduleDescription await(
      WorkflowServiceStubs stubs,
      String scheduleId,
      Duration timeout,
      Predicate<ScheduleDescription> ready) {
    var handle =
        ScheduleClient.newInstance(
                stubs, ScheduleClientOptions.newBuilder().setNamespace("default").build())
            .getHandle(scheduleId);
    AtomicReference<ScheduleDescription> seen = new AtomicReference<>();
    ApiClient.await(
        timeout,
        () -> {
          try {
            seen.set(handle.describe());
            return ready.test(seen.get());
          } catch (ScheduleException notYet) {
            return false;
          }
        });
    return seen.get();
  }
}
