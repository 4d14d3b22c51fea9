package dev.sessionflow.bench;

import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_MARKER_RECORDED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_CANCELED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end's workflow task, read from the events of a history. */
class EndTaskTest {
  private final List<HistoryEvent> events = new ArrayList<>();

  @Test
  void anEndAnsweredInTheTaskThatAcceptedItGivesThatTasksWaitsAndWhatItRecorded() throws Exception {
    at(0, EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
    at(0, EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    at(10, EVENT_TYPE_WORKFLOW_TASK_STARTED);
    at(20, EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED); // the last message, while a task runs
    at(40, EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    at(40, EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    at(100, EVENT_TYPE_WORKFLOW_TASK_STARTED); // the end's task
    at(150, EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    at(150, EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    at(150, EVENT_TYPE_MARKER_RECORDED); // a version
    at(150, EVENT_TYPE_TIMER_CANCELED);
    at(150, EVENT_TYPE_MARKER_RECORDED); // the close
    at(150, EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);
    at(150, EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    at(150, EVENT_TYPE_ACTIVITY_TASK_STARTED); // eager: started with the completion

    EndTask task = EndTask.of(events);

    assertThat(task.inFlightMillis()).isEqualTo(40.0 - 10.0);
    assertThat(task.scheduledToStartedMillis()).isEqualTo(60.0);
    assertThat(task.startedToCompletedMillis()).isEqualTo(50.0);
    assertThat(task.tasks()).isEqualTo(1);
    assertThat(task.events()).isEqualTo(6);
    assertThat(Http.JSON.writeValueAsString(task))
        .contains("\"startedToCompletedMillis\":50.0", "\"events\":6");
  }

  @Test
  void anEndThatWaitedForAMessageCountsTheTasksUntilItsAnswer() {
    at(0, EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    at(5, EVENT_TYPE_WORKFLOW_TASK_STARTED);
    at(20, EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    at(20, EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    at(30, EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
    at(30, EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    at(35, EVENT_TYPE_WORKFLOW_TASK_STARTED);
    at(50, EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    at(50, EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED);

    EndTask task = EndTask.of(events);

    assertThat(task.tasks()).isEqualTo(2);
    assertThat(task.events()).isEqualTo(1);
    assertThat(task.inFlightMillis()).as("no task before it").isNaN();
  }

  @Test
  void aHistoryWithoutAnEndUpdateHasNoEndTask() {
    at(0, EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    at(5, EVENT_TYPE_WORKFLOW_TASK_STARTED);
    at(20, EVENT_TYPE_WORKFLOW_TASK_COMPLETED);

    assertThat(EndTask.of(events)).isNull();
  }

  private void at(long millis, EventType type) {
    events.add(
        HistoryEvent.newBuilder()
            .setEventId(events.size() + 1)
            .setEventType(type)
            .setEventTime(
                Timestamp.newBuilder()
                    .setSeconds(1_700_000_000L + millis / 1000)
                    .setNanos((int) (millis % 1000) * 1_000_000))
            .build());
  }
}
