package dev.sessionflow.bench;

import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where the latest auto-closes lost their time, read from their histories. For each timer, how long
 * after it was due the server fired it; for each workflow task, how long it waited for a worker and
 * whether it timed out of the sticky queue of the replica that caches the session. Tells a server
 * that fires late from tasks that wait in a queue.
 */
final class LatenessTail {
  /**
   * One of the latest sessions.
   *
   * <p>The JSON report writes it as it is, field by field.
   *
   * @param firedLateSeconds how long after it was due the server fired the session's last timer
   * @param taskWaitSeconds from that firing until a worker started the task that closed the session
   * @param stickyTimeouts workflow tasks that timed out waiting on the sticky queue, then waited
   *     again on the shared one
   * @param steps the history, in words
   */
  record Session(
      int index,
      double latenessSeconds,
      double firedLateSeconds,
      double taskWaitSeconds,
      int stickyTimeouts,
      List<String> steps) {}

  private LatenessTail() {}

  /**
   * The {@code count} latest sessions.
   *
   * @param lateness seconds after its deadline that each session closed (NaN: not closed)
   */
  static List<Session> read(WorkflowClient client, String[] ids, double[] lateness, int count) {
    List<Session> read = new ArrayList<>();
    IntStream.range(0, ids.length)
        .filter(i -> !Double.isNaN(lateness[i]))
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -lateness[i]))
        .limit(count)
        .forEach(
            i ->
                read.add(
                    of(
                        i,
                        lateness[i],
                        client
                            .fetchHistory(MessagingSession.workflowId(ids[i]))
                            .getHistory()
                            .getEventsList())));
    return read;
  }

  /** Median and maximum lateness of each of {@code buckets} slices of the sessions in due order. */
  static String byDueOrder(double[] lateness, int buckets) {
    StringBuilder out = new StringBuilder();
    int size = Math.max(1, lateness.length / buckets);
    for (int from = 0; from < lateness.length; from += size) {
      double[] slice =
          Arrays.stream(lateness, from, Math.min(lateness.length, from + size))
              .filter(d -> !Double.isNaN(d))
              .sorted()
              .toArray();
      if (slice.length > 0) {
        out.append(
            String.format(
                Locale.ROOT,
                "[%d: p50 %.0f, max %.0f] ",
                from,
                slice[slice.length / 2],
                slice[slice.length - 1]));
      }
    }
    return out.toString().trim();
  }

  static Session of(int index, double lateness, List<HistoryEvent> events) {
    List<String> steps = new ArrayList<>();
    Map<Long, Instant> timerDue = new HashMap<>();
    Instant scheduled = null;
    Instant started = null;
    Instant lastFired = null;
    double firedLate = Double.NaN;
    int stickyTimeouts = 0;
    double taskWait = Double.NaN;
    for (HistoryEvent e : events) {
      Instant at =
          Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
      EventType type = e.getEventType();
      switch (type) {
        case EVENT_TYPE_TIMER_STARTED -> {
          var t = e.getTimerStartedEventAttributes().getStartToFireTimeout();
          timerDue.put(e.getEventId(), at.plusSeconds(t.getSeconds()).plusNanos(t.getNanos()));
        }
        case EVENT_TYPE_TIMER_FIRED -> {
          Instant due = timerDue.get(e.getTimerFiredEventAttributes().getStartedEventId());
          lastFired = at;
          firedLate = seconds(due, at);
          steps.add("timer fired " + words(firedLate) + " after due");
        }
        case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> {
          scheduled = at;
          boolean sticky =
              e.getWorkflowTaskScheduledEventAttributes().getTaskQueue().getKind()
                  == TaskQueueKind.TASK_QUEUE_KIND_STICKY;
          steps.add("task on the " + (sticky ? "sticky" : "shared") + " queue");
        }
        case EVENT_TYPE_WORKFLOW_TASK_STARTED -> {
          started = at;
          taskWait = seconds(lastFired, at);
          steps.add("started " + words(seconds(scheduled, at)) + " later");
        }
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED ->
            steps.add("completed in " + words(seconds(started, at)));
        case EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT -> {
          // Only a wait for a worker times out before the start; a task that ran too long does not.
          if (e.getWorkflowTaskTimedOutEventAttributes().getTimeoutType()
              == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
            stickyTimeouts++;
          }
          steps.add("timed out after " + words(seconds(scheduled, at)));
        }
        case EVENT_TYPE_WORKFLOW_TASK_FAILED -> steps.add("task failed");
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED ->
            steps.add("signal " + e.getWorkflowExecutionSignaledEventAttributes().getSignalName());
        case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> steps.add("workflow completed");
        default -> {}
      }
    }
    return new Session(index, lateness, firedLate, taskWait, stickyTimeouts, steps);
  }

  private static double seconds(Instant from, Instant to) {
    return from == null ? Double.NaN : (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
  }

  private static String words(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
