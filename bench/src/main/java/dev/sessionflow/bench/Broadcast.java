package dev.sessionflow.bench;

import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4b: a settings change (a new warning text: no deadline moves) reaching every open
 * session of the scale scenario, between the agents' replies and the first auto-close. Reports the
 * seconds until a sample of the sessions holds the new version, and the end-user message POST p99
 * while it spreads, against the same probe's p99 just before.
 */
final class Broadcast {
  /** Sessions asked for their settings version (each query replays one). */
  static final int SAMPLE = 100;

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
                "{\"warningText\":\"Are you still there? We will close this chat soon.\"}")
            .path("version")
            .asLong();
    long start = System.nanoTime();
    long deadline = start + budget.toNanos();
    List<Double> during = new ArrayList<>();
    int step = Math.max(1, ids.length / SAMPLE);
    int next = 0; // the first sampled session not yet seen holding the new version
    while (next < ids.length && System.nanoTime() < deadline) {
      during.add(probe());
      while (next < ids.length && holds(ids[next], version)) {
        next += step;
      }
    }
    if (next < ids.length) {
      throw new IllegalStateException(
          "settings version " + version + " had not reached every sampled session in " + budget);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(ids.length, seconds, Stats.of(idle), Stats.of(during));
  }

  private boolean holds(String sessionId, long version) {
    return client
            .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId))
            .state()
            .settingsVersion()
        >= version;
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
