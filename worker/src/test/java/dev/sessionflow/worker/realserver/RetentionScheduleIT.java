package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.retention.TranscriptRetention;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On a real server the service creates the retention schedule, and a pass it starts completes. */
class RetentionScheduleIT extends RealServerTestBase {

  @Test
  void theScheduleRunsAPassWhenTriggered() {
    ScheduleDescription schedule =
        ReconcilerSchedules.await(
            temporal.client().getWorkflowServiceStubs(),
            TranscriptRetention.SCHEDULE_ID,
            Duration.ofSeconds(60),
            d -> true);
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow) schedule.getSchedule().getAction();
    assertThat(action.getWorkflowType()).isEqualTo("TranscriptRetention");
    assertThat(action.getOptions().getTaskQueue()).isEqualTo(TranscriptRetention.TASK_QUEUE);
    api.put("/api/v1/retention", ApiClient.ADMIN, "{\"transcriptsKeptFor\":\"P30D\"}").expect(200);

    ScheduleClient.newInstance(
            temporal.client().getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder().setNamespace("default").build())
        .getHandle(TranscriptRetention.SCHEDULE_ID)
        .trigger();

    // The pass records itself, with nothing to purge on a fresh service.
    ApiClient.await(
        Duration.ofSeconds(60),
        () -> api.get("/api/v1/retention", ApiClient.ADMIN).json().path("runs").size() == 1);
    assertThat(api.get("/api/v1/retention", ApiClient.ADMIN).json().at("/runs/0/sessions").asLong())
        .isZero();
  }
}
