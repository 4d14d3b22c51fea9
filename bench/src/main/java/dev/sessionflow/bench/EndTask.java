package dev.sessionflow.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.List;
import java.util.Set;

/**
 * The workflow task that answered a session's end Update, read from its history: the task in flight
 * before it (the Update waits for it), its wait for a worker, its run, and how many tasks and
 * events the end took. Tells a heavier end task from a busier server, where the end's latency alone
 * cannot.
 *
 * <p>The JSON report writes each timing as it is, field by field.
 *
 * @param inFlightMillis from the start of the task before it to the end's task being scheduled: the
 *     most the Update can have waited for that task
 * @param scheduledToStartedMillis the end's task waiting for a worker
 * @param startedToCompletedMillis the end's task running: the worker's code (the close included)
 *     and the round trips to the server
 * @param tasks workflow tasks from the one that accepted the Update to the one that answered it
 * @param events events that the accepting task recorded
 */
record EndTask(
    double inFlightMillis,
    double scheduledToStartedMillis,
    double startedToCompletedMillis,
    int tasks,
    int events) {

  /** Events that a task completion does not record: the next task, arrivals, an eager start. */
  private static final Set<EventType> NOT_RECORDED_BY_THE_TASK =
      Set.of(
          EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
          EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ADMITTED);

  /** The end's task in {@code history}; null if no Update was accepted in it. */
  static EndTask of(List<HistoryEvent> history) {
    int accepted = first(history, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, 0);
    if (accepted < 0) {
      return null;
    }
    int completed = last(history, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, accepted);
    int started = last(history, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, completed);
    int scheduled = last(history, EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, started);
    int before = last(history, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, scheduled);
    int answered =
        first(history, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, accepted);
    int tasks = 1;
    for (int i = accepted; answered > 0 && i < answered; i++) {
      if (history.get(i).getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        tasks++;
      }
    }
    int events = 0;
    for (int i = completed + 1;
        i < history.size() && !NOT_RECORDED_BY_THE_TASK.contains(history.get(i).getEventType());
        i++) {
      events++;
    }
    return new EndTask(
        before < 0 ? Double.NaN : millis(history, before, scheduled),
        millis(history, scheduled, started),
        millis(history, started, completed),
        tasks,
        events);
  }

  private static int first(List<HistoryEvent> history, EventType type, int from) {
    for (int i = from; i < history.size(); i++) {
      if (history.get(i).getEventType() == type) {
        return i;
      }
    }
    return -1;
  }

  private static int last(List<HistoryEvent> history, EventType type, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (history.get(i).getEventType() == type) {
        return i;
      }
    }
    return -1;
  }

  private static double millis(List<HistoryEvent> history, int from, int to) {
    var a = history.get(from).getEventTime();
    var b = history.get(to).getEventTime();
    return (b.getSeconds() - a.getSeconds()) * 1000.0 + (b.getNanos() - a.getNanos()) / 1e6;
  }
}
