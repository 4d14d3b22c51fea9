package dev.sessionflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.TimerFiredEventAttributes;
import io.temporal.api.history.v1.TimerStartedEventAttributes;
import io.temporal.api.history.v1.WorkflowTaskScheduledEventAttributes;
import io.temporal.api.history.v1.WorkflowTaskTimedOutEventAttributes;
import io.temporal.api.taskqueue.v1.TaskQueue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a late auto-close lost its time, read from the events of its history. */
class LatenessTailTest {
  private final List<HistoryEvent> events = new ArrayList<>();

  @Test
  void aTaskThatTimedOutOfTheStickyQueueCountsItsWholeWaitFromTheFiring() throws Exception {
    event(1, 0, EventType.EVENT_TYPE_TIMER_STARTED)
        .setTimerStartedEventAttributes(
            TimerStartedEventAttributes.newBuilder()
                .setStartToFireTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(30)));
    add();
    event(2, 31, EventType.EVENT_TYPE_TIMER_FIRED)
        .setTimerFiredEventAttributes(TimerFiredEventAttributes.newBuilder().setStartedEventId(1));
    add();
    scheduled(3, 31, TaskQueueKind.TASK_QUEUE_KIND_STICKY);
    event(4, 91, EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT)
        .setWorkflowTaskTimedOutEventAttributes(
            WorkflowTaskTimedOutEventAttributes.newBuilder()
                .setTimeoutType(TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START));
    add();
    scheduled(5, 91, TaskQueueKind.TASK_QUEUE_KIND_NORMAL);
    event(6, 281, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
    add();
    event(7, 282, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    add();

    LatenessTail.Session s = LatenessTail.of(3, 252.0, events);

    assertThat(s.firedLateSeconds()).isEqualTo(1.0);
    assertThat(s.taskWaitSeconds()).isEqualTo(250.0);
    assertThat(s.stickyTimeouts()).isEqualTo(1);
    assertThat(s.steps())
        .containsSubsequence(
            "timer fired 1.0 s after due",
            "task on the sticky queue",
            "timed out after 60.0 s",
            "task on the shared queue",
            "started 190.0 s later",
            "completed in 1.0 s");
    assertThat(Http.JSON.writeValueAsString(s))
        .contains("\"stickyTimeouts\":1", "\"taskWaitSeconds\":250.0");
  }

  @Test
  void slicesInDueOrderGiveTheirMedianAndMaximum() {
    assertThat(LatenessTail.byDueOrder(new double[] {1, 2, 3, 10, Double.NaN, 30}, 2))
        .isEqualTo("[0: p50 2, max 3] [3: p50 30, max 30]");
  }

  private HistoryEvent.Builder current;

  private HistoryEvent.Builder event(long id, long second, EventType type) {
    current =
        HistoryEvent.newBuilder()
            .setEventId(id)
            .setEventType(type)
            .setEventTime(Timestamp.newBuilder().setSeconds(1_700_000_000L + second));
    return current;
  }

  private void add() {
    events.add(current.build());
  }

  private void scheduled(long id, long second, TaskQueueKind kind) {
    event(id, second, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)
        .setWorkflowTaskScheduledEventAttributes(
            WorkflowTaskScheduledEventAttributes.newBuilder()
                .setTaskQueue(TaskQueue.newBuilder().setName("q").setKind(kind)));
    add();
  }
}
