package dev.sessionflow.bench;

import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.settings.SettingsBroadcast;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scenario 4b: a settings change that brings a deadline sooner (inactivity after 50 minutes instead
 * of an hour: no session of the scale scenario lives that long), the one kind of change that is
 * pushed to every open session (others are pulled, and cost nothing until a session acts). Run on
 * the scale scenario's open sessions before the agents' replies; the few whose actions are counted
 * open after it. Reports the seconds from the PUT until its broadcast workflow has signalled every
 * open session (then checks that a sample of them holds the new version), and the end-user message
 * POST p99 while it spreads (at least as many probes as before it), against the same probe's p99
 * just before.
 */
final class Broadcast {
  /** Sessions asked for their settings version (each query replays one). */
  static final int SAMPLE = 100;

  /** The pushed change: sooner than the scale scenario's hour, later than any session lives. */
  static final Duration SOONER_INACTIVITY = Duration.ofMinutes(50);

  static final int QUERY_ATTEMPTS = 5;

  /** Conversations that take the probe's messages; they never auto-close (no agent reply). */
  static final int PROBES = 8;

  record Result(int openSessions, double secondsToApplyAll, Stats idleMs, Stats duringMs) {
    double ratio() {
      return duringMs.p99() / idleMs.p99();
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("openSessions", openSessions);
      m.put("secondsToApplyAll", secondsToApplyAll);
      m.put("messagePostP99RatioDuring", ratio());
      m.put("messagePostIdleMs", idleMs.asMap());
      m.put("messagePostDuringMs", duringMs.asMap());
      return m;
    }
  }

  private final Http http;
  private final WorkflowClient client;
  private final String[] probes = new String[PROBES];
  private int probeMessages;

  Broadcast(Http http, WorkflowClient client) {
    this.http = http;
    this.client = client;
    for (int i = 0; i < PROBES; i++) {
      probes[i] = "broadcast-probe-" + i;
      http.endUserSays(probes[i], "p-open");
    }
  }

  /** Changes the settings once and measures its spread over {@code ids} (all open). */
  Result run(String[] ids, int idleSamples, Duration budget) {
    List<Double> idle = new ArrayList<>();
    for (int i = 0; i < idleSamples; i++) {
      idle.add(probe());
    }
    long version =
        http.put(
                "/api/v1/settings/messaging",
                Http.ADMIN,
                "{\"inactiveAfter\":\"" + SOONER_INACTIVITY + "\"}")
            .path("version")
            .asLong();
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    CompletableFuture<Long> walked =
        CompletableFuture.supplyAsync(() -> awaitWalk(version, deadline));
    List<Double> during = new ArrayList<>();
    while ((!walked.isDone() || during.size() < idleSamples) && System.nanoTime() < deadline) {
      during.add(probe());
    }
    long walkedAt = walked.join();
    int step = Math.max(1, ids.length / SAMPLE);
    for (int i = 0; i < ids.length; i += step) {
      if (!holds(ids[i], version)) {
        throw new IllegalStateException(
            "session " + ids[i] + " does not hold settings version " + version + " after its walk");
      }
    }
    return new Result(ids.length, (walkedAt - start) / 1e9, Stats.of(idle), Stats.of(during));
  }

  /** When the version's broadcast workflow completed (it may start a moment after the PUT). */
  private long awaitWalk(long version, long deadline) {
    while (System.nanoTime() < deadline) {
      try {
        client
            .newUntypedWorkflowStub(SettingsBroadcast.workflowId(version))
            .getResult(
                Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                TimeUnit.MILLISECONDS,
                Void.class);
        return System.nanoTime();
      } catch (WorkflowNotFoundException notYet) {
        Proc.sleep(20);
      } catch (TimeoutException late) {
        break;
      }
    }
    throw new IllegalStateException("settings version " + version + " not sent within the budget");
  }

  /**
   * Whether the session holds {@code version}. A query replays a session the worker's cache
   * evicted, and with 10,000 open it can time out (measured once): tried a few times.
   */
  private boolean holds(String sessionId, long version) {
    RuntimeException last = null;
    for (int attempt = 0; attempt < QUERY_ATTEMPTS; attempt++) {
      try {
        return client
                .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId))
                .state()
                .settingsVersion()
            >= version;
      } catch (RuntimeException slow) {
        last = slow;
        Proc.sleep(1000);
      }
    }
    throw new IllegalStateException("session " + sessionId + " did not answer its query", last);
  }

  /** One end-user message POST to a probe conversation, in milliseconds. */
  private double probe() {
    String conversation = probes[probeMessages % PROBES];
    long t = System.nanoTime();
    http.post(
        "/api/v1/conversations/" + conversation + "/messages",
        Http.CHANNEL,
        "{\"messageId\":\"p-"
            + probeMessages++
            + "\",\"endUserId\":\"u-"
            + conversation
            + "\",\"text\":\"Still waiting\"}",
        202);
    return (System.nanoTime() - t) / 1e6;
  }
}
