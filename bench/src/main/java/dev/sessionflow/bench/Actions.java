package dev.sessionflow.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Temporal Cloud actions, counted from a workflow's history as Temporal Cloud's pricing counts
 * them: the start (a client start, a signal-with-start's start, a continue-as-new), each signal,
 * each accepted Update, each timer, each activity attempt, the local activities of one workflow
 * task as one action, each side-effect marker, each search-attribute upsert, each child workflow.
 * Version markers ({@code Workflow.getVersion}) are not billed. Actions without a history event
 * (queries, heartbeats that reach the server, rejected Updates) are not counted here; the benchmark
 * makes neither queries nor heartbeating calls in the sessions it counts.
 */
final class Actions {
  /** The price per million actions used for the cost figures, and where it comes from. */
  static final double USD_PER_MILLION = 50.0;

  static final String PRICE_SOURCE =
      "Temporal Cloud list price, first volume tier: USD 50 per million actions (temporal.io/pricing"
          + " as of 2025; not verifiable from the benchmark machine, which has no web access)";

  private Actions() {}

  /** Actions by kind in one history (one run), plus {@code total}. */
  static Map<String, Integer> count(History history) {
    Map<String, Integer> byKind = new LinkedHashMap<>();
    long lastCompletedTask = -1;
    long lastLocalActivityTask = -2;
    for (HistoryEvent e : history.getEventsList()) {
      EventType type = e.getEventType();
      switch (type) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> add(byKind, "workflow start", 1);
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> add(byKind, "signal", 1);
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> add(byKind, "update", 1);
        case EVENT_TYPE_TIMER_STARTED -> add(byKind, "timer", 1);
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            add(
                byKind,
                "activity",
                Math.max(1, e.getActivityTaskStartedEventAttributes().getAttempt()));
        case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES ->
            add(byKind, "search-attribute upsert", 1);
        case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED ->
            add(byKind, "child workflow", 1);
        case EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED -> add(byKind, "signal", 1);
        case EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> lastCompletedTask = e.getEventId();
        case EVENT_TYPE_MARKER_RECORDED -> {
          String marker = e.getMarkerRecordedEventAttributes().getMarkerName();
          if (marker.equals("LocalActivity")) {
            // every local activity recorded by one workflow task is one action
            if (lastLocalActivityTask != lastCompletedTask) {
              add(byKind, "local activities (per workflow task)", 1);
              lastLocalActivityTask = lastCompletedTask;
            }
          } else if (marker.equals("SideEffect") || marker.equals("MutableSideEffect")) {
            add(byKind, "side effect", 1);
          }
        }
        default -> {}
      }
    }
    add(byKind, "total", byKind.values().stream().mapToInt(Integer::intValue).sum());
    return byKind;
  }

  private static void add(Map<String, Integer> byKind, String kind, int n) {
    byKind.merge(kind, n, Integer::sum);
  }

  /** The cost of a million sessions of {@code actionsPerSession} actions, in USD. */
  static double usdPerMillionSessions(double actionsPerSession) {
    return actionsPerSession * USD_PER_MILLION;
  }
}
