package dev.sessionflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionView;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 4: many sessions open at once, each waiting on its auto-close timer (the agent wrote
 * last); the service's heap with them all open; how late each closes when all come due within about
 * a minute.
 */
final class Scale {
  record Result(
      int sessions,
      double openSeconds,
      double replySeconds,
      double heapIdleMb,
      double heapOpenMb,
      int closed,
      Stats latenessSeconds,
      Stats timerLatenessSeconds,
      int unansweredQueries,
      Rate closes,
      Rate workflowCloses,
      String latenessByDueOrder,
      List<LatenessTail.Session> latest) {
    double kbPerSession() {
      return (heapOpenMb - heapIdleMb) * 1024 / sessions;
    }
  }

  /** How long before its auto-close each session warns the end user. */
  static final Duration WARN_BEFORE = Duration.ofSeconds(30);

  /** How many closed sessions are asked for their own deadline (each query replays one). */
  static final int SAMPLE = 1000;

  /**
   * End-user messages timed before the settings push (at 45 ms each, about 10 s): the idle p99 the
   * push's is compared with. Forty made the idle p99 the slowest of forty, which ranged from 72 to
   * 102 ms between two runs of the same code.
   */
  static final int IDLE_PROBES = 200;

  /** The longest a settings push to every open session may take before it counts as failed. */
  static final Duration BROADCAST_BUDGET = Duration.ofMinutes(15);

  /** How many auto-closed sessions' histories are counted in Temporal Cloud actions. */
  static final int ACTION_SAMPLE = 20;

  /** How many of the latest auto-closes have their histories read for where the time went. */
  static final int TAIL = 15;

  private final Service service;
  private final Store store;
  private final WorkflowClient client;
  private final List<Profile.Window> windows;
  private String[] ids = new String[0];
  private Instant[] endedAt = new Instant[0];
  private Broadcast.Result broadcast;
  private double broadcastSeconds;

  Scale(Service service, Store store, WorkflowClient client, List<Profile.Window> windows) {
    this.service = service;
    this.store = store;
    this.client = client;
    this.windows = windows;
  }

  /**
   * The Temporal Cloud actions of the {@link #ACTION_SAMPLE} counted sessions that auto-closed
   * (after {@link #run}).
   */
  List<Map<String, Integer>> actions() {
    List<Map<String, Integer>> counted = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (counted(i) && endedAt[i] != null) {
        String workflowId = MessagingSession.workflowId(ids[i]);
        counted.add(Actions.count(client.fetchHistory(workflowId).getHistory()));
      }
    }
    return counted;
  }

  /**
   * @param spread the span over which the agent replies, and so the deadlines, are paced (longer if
   *     the service cannot reply that fast; the result says how long they took)
   */
  Result run(int sessions, Duration autoClose, Duration spread, int concurrency) throws Exception {
    Http http = service.http;
    http.put(
        "/api/v1/settings/messaging",
        Http.ADMIN,
        "{\"inactiveAfter\":\"PT1H\",\"autoCloseAfter\":\""
            + autoClose
            + "\",\"warnBeforeClose\":\""
            + WARN_BEFORE
            + "\"}");
    double heapIdle = Proc.heapAfterGcMb(service.pid());
    Broadcast probe = new Broadcast(http, client);
    ids = new String[sessions];
    long[] repliedAt = new long[sessions];
    long start = System.nanoTime();
    Instant from = Instant.now();
    // The sessions whose actions are counted open after scenario 4b's push, which would otherwise
    // add its signal and a re-armed timer to each: an admin's change, not the lifecycle's cost.
    Parallel.run(sessions, concurrency, i -> ids[i] = counted(i) ? null : open(http, i));
    measureBroadcast(probe, uncounted());
    Parallel.run(sessions, concurrency, i -> ids[i] = counted(i) ? open(http, i) : ids[i]);
    windows.add(new Profile.Window("scale: opening sessions", from, Instant.now()));
    double openSeconds = (System.nanoTime() - start) / 1e9 - broadcastSeconds;
    start = System.nanoTime();
    from = Instant.now();
    // The agent replies last: from its reply, each session's auto-close timer runs. Paced over
    // the spread the bare timers' deadlines get, so that both bursts are as dense.
    long firstReply = System.currentTimeMillis();
    Parallel.run(
        sessions,
        concurrency,
        i -> {
          long slot = firstReply + spread.toMillis() * i / sessions;
          Proc.sleep(Math.max(0, slot - System.currentTimeMillis()));
          http.agentSays(ids[i], "a-1");
          repliedAt[i] = System.currentTimeMillis();
        });
    double replySeconds = (System.nanoTime() - start) / 1e9;
    windows.add(new Profile.Window("scale: agent replies", from, Instant.now()));
    double heapOpen = Proc.heapAfterGcMb(service.pid());
    long lastDue = 0;
    for (long t : repliedAt) {
      lastDue = Math.max(lastDue, t + autoClose.toMillis());
    }
    while (System.currentTimeMillis() < lastDue + 5_000) {
      Proc.sleep(1000);
    }
    endedAt = new Instant[sessions];
    long firstDue = Long.MAX_VALUE;
    for (long t : repliedAt) {
      firstDue = Math.min(firstDue, t + autoClose.toMillis());
    }
    long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
    int closed = 0;
    for (int round = 0; closed < sessions && System.currentTimeMillis() < deadline; round++) {
      if (round > 0) {
        // endedAt is when the store ended the session, not when it is read: polling slower only
        // spares load. One statement a round: asking the API for each session (thousands of
        // requests a round) took CPU from the server whose lateness is measured.
        Proc.sleep(10_000);
      }
      Map<String, Instant> ended = store.endedAt();
      closed = 0;
      for (int i = 0; i < sessions; i++) {
        endedAt[i] = ended.get(ids[i]);
        closed += endedAt[i] == null ? 0 : 1;
      }
    }
    // The API agrees with the store it was read from: a sample of sessions, once.
    int apiStep = Math.max(1, sessions / 100);
    for (int i = 0; i < sessions; i += apiStep) {
      if (endedAt[i] != null) {
        JsonNode s = http.get("/api/v1/sessions/" + ids[i], Http.ADMIN);
        if (!"ENDED".equals(s.path("status").asText())
            || endedAt[i].toEpochMilli()
                != Instant.parse(s.get("endedAt").asText()).toEpochMilli()) {
          throw new IllegalStateException(
              "the API's session " + ids[i] + " disagrees with the store: " + s);
        }
      }
    }
    Instant lastEnd = Instant.ofEpochMilli(lastDue);
    for (Instant t : endedAt) {
      if (t != null && t.isAfter(lastEnd)) {
        lastEnd = t;
      }
    }
    // the warnings, the closes and the settlements: from 30 s before the first close is due
    windows.add(
        new Profile.Window(
            "scale: auto-close storm", Instant.ofEpochMilli(firstDue - 30_000), lastEnd));
    double[] each = new double[sessions];
    for (int i = 0; i < sessions; i++) {
      each[i] =
          endedAt[i] == null
              ? Double.NaN
              : (endedAt[i].toEpochMilli() - repliedAt[i] - autoClose.toMillis()) / 1000.0;
    }
    List<Double> lateness =
        java.util.Arrays.stream(each).filter(d -> !Double.isNaN(d)).boxed().toList();
    String byDueOrder = LatenessTail.byDueOrder(each, 20);
    List<LatenessTail.Session> latest = LatenessTail.read(client, ids, each, TAIL);
    // Closes per second: when each close landed in the store (the service's clock) and, beside it,
    // when each session's workflow completed (the server's).
    List<Instant> closedAt = new ArrayList<>();
    java.util.Set<String> workflowIds = new java.util.HashSet<>();
    for (int i = 0; i < sessions; i++) {
      if (endedAt[i] != null) {
        closedAt.add(endedAt[i]);
        workflowIds.add(MessagingSession.workflowId(ids[i]));
      }
    }
    Rate workflowCloses =
        Rate.of(
            Visibility.closeTimes(
                client, MessagingSession.WORKFLOW_TYPE, workflowIds, Duration.ofSeconds(60)));
    // The workflow's own deadline: its last message as it saw it (after the signal's processing).
    ConcurrentLinkedQueue<Double> timerLateness = new ConcurrentLinkedQueue<>();
    AtomicInteger unansweredQueries = new AtomicInteger();
    int step = Math.max(1, sessions / SAMPLE);
    Parallel.run(
        sessions / step,
        concurrency,
        k -> {
          int i = k * step;
          try {
            SessionView view =
                client
                    .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(ids[i]))
                    .state();
            if (view.end() != null) {
              long due = view.lastMessageAt().toEpochMilli() + autoClose.toMillis();
              timerLateness.add((view.end().endedAt().toEpochMilli() - due) / 1000.0);
            }
          } catch (RuntimeException unanswered) {
            unansweredQueries.incrementAndGet(); // reported: the sample is what did answer
          }
        });
    return new Result(
        sessions,
        openSeconds,
        replySeconds,
        heapIdle,
        heapOpen,
        closed,
        Stats.of(lateness),
        Stats.of(List.copyOf(timerLateness)),
        unansweredQueries.get(),
        Rate.of(closedAt),
        workflowCloses,
        byDueOrder,
        latest);
  }

  /**
   * Scenario 4b while every session is open and none has a deadline near (before the agents'
   * replies start their auto-close timers).
   */
  private void measureBroadcast(Broadcast probe, String[] open) {
    Instant from = Instant.now();
    long start = System.nanoTime();
    try {
      broadcast = probe.run(open, open.length >= 1000 ? IDLE_PROBES : 20, BROADCAST_BUDGET);
    } catch (RuntimeException notReached) {
      BenchMain.log(
          "settings broadcast not measured: "
              + notReached
              + (notReached.getCause() != null ? ", caused by " + notReached.getCause() : ""));
    }
    windows.add(new Profile.Window("scale: settings broadcast", from, Instant.now()));
    broadcastSeconds = (System.nanoTime() - start) / 1e9;
  }

  /** Whether session {@code i} is one whose actions are counted: spread over the reply slots. */
  private boolean counted(int i) {
    return i % Math.max(1, ids.length / ACTION_SAMPLE) == 0;
  }

  private String[] uncounted() {
    List<String> open = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (!counted(i)) {
        open.add(ids[i]);
      }
    }
    return open.toArray(String[]::new);
  }

  private static String open(Http http, int i) {
    return http.endUserSays("scale-" + i, "m-0");
  }

  /** Scenario 4b's result, null when it was not measured. */
  Broadcast.Result broadcast() {
    return broadcast;
  }
}
