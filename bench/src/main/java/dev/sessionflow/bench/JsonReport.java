package dev.sessionflow.bench;

import dev.sessionflow.bench.Lifecycle.Variant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as JSON ({@code bench/results/*.json}): every figure, the targets first. */
final class JsonReport {
  private final Report r;

  JsonReport(Report r) {
    this.r = r;
  }

  Map<String, Object> figures() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("generatedAt", Instant.now().toString());
    f.put("machine", Machine.describe());
    f.put("versions", Machine.versions());
    f.put("parameters", r.params.asMap());
    f.put("targets", Targets.of(r).stream().map(Target::asMap).toList());
    if (r.lifecycleMeasured()) {
      lifecycle(f);
    }
    if (r.scale != null) {
      f.put("scale", scale());
    }
    if (r.broadcast != null) {
      f.put("settingsBroadcast", r.broadcast.asMap());
    }
    if (r.preview != null) {
      f.put("settingsPreview", r.preview.asMap());
    }
    if (!r.startups.isEmpty()) {
      Map<String, Object> start = new LinkedHashMap<>();
      r.startups.forEach((mode, values) -> start.put(mode, Map.of("seconds", values)));
      if (r.startupDevFirst != null) {
        start.put("devServerFirstStartSeconds", r.startupDevFirst.toMillis() / 1000.0);
      }
      f.put("startup", start);
    }
    if (!r.profiles.isEmpty()) {
      Map<String, Object> p = new LinkedHashMap<>();
      r.profiles.forEach(t -> p.put(t.scenario(), t.asMap()));
      f.put("serviceProfile", p);
    }
    return f;
  }

  /** Scenarios 1 to 3: throughput, latencies, actions, history cost. */
  private void lifecycle(Map<String, Object> f) {
    Map<String, Object> throughput = new LinkedHashMap<>();
    for (Variant v : Variant.values()) {
      throughput.put(
          v.name(), Map.of("sessionsPerSecondByRound", r.rates.get(v), "median", r.median(v)));
    }
    throughput.put("ratioHttpToBaseline", r.median(Variant.HTTP) / r.median(Variant.BASELINE));
    throughput.put("ratioClientToBaseline", r.median(Variant.CLIENT) / r.median(Variant.BASELINE));
    f.put("lifecycleThroughput", throughput);
    Map<String, Object> latency = new LinkedHashMap<>();
    for (Variant v : Variant.values()) {
      latency.put(v.name(), Stats.of(r.ends.get(v)).asMap());
    }
    latency.put("ratioHttpP99ToBareUpdateP99", r.p99(Variant.HTTP) / r.p99(Variant.BASELINE));
    latency.put("ratioClientP99ToBareUpdateP99", r.p99(Variant.CLIENT) / r.p99(Variant.BASELINE));
    f.put("agentEndLatencyMs", latency);
    f.put("agentEndTasks", r.endTasks);
    Map<String, Object> messages = new LinkedHashMap<>();
    for (Variant v : Variant.values()) {
      messages.put(v.name(), Stats.of(r.sends.get(v)).asMap());
    }
    messages.put(
        "ratioHttpEndUserPostP99ToBareSignalP99",
        r.sendP99(Variant.HTTP) / r.sendP99(Variant.BASELINE));
    f.put("messageLatencyMs", messages);
    if (!r.ratesH2.get(Variant.BASELINE).isEmpty()) {
      Map<String, Object> h2 = new LinkedHashMap<>();
      for (Variant v : List.of(Variant.BASELINE, Variant.HTTP)) {
        h2.put(
            v.name(),
            Map.of(
                "sessionsPerSecondByRound",
                r.ratesH2.get(v),
                "median",
                Stats.median(r.ratesH2.get(v))));
      }
      h2.put(
          "ratioHttpToBaseline",
          Stats.median(r.ratesH2.get(Variant.HTTP))
              / Stats.median(r.ratesH2.get(Variant.BASELINE)));
      f.put("lifecycleThroughputH2File", h2);
    }
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("price", Actions.PRICE_SOURCE);
    for (Variant v : Variant.values()) {
      cost.put(
          v.name(),
          Map.of(
              "actionsPerSession",
              Report.meanActions(r.actions.get(v)),
              "usdPerMillionSessions",
              Actions.usdPerMillionSessions(r.totalActions(v))));
    }
    cost.put(
        "ratioHttpToBaseline", r.totalActions(Variant.HTTP) / r.totalActions(Variant.BASELINE));
    cost.put(
        "ratioClientToBaseline", r.totalActions(Variant.CLIENT) / r.totalActions(Variant.BASELINE));
    f.put("temporalCloudActions", cost);
    Map<String, Object> history = new LinkedHashMap<>();
    for (Variant v : Variant.values()) {
      history.put(
          v.name(),
          Map.of(
              "eventsPerSession10Messages",
              Report.mean(r.events10.get(v)),
              "eventsPerSession110Messages",
              Report.mean(r.events110.get(v)),
              "eventsPerMessage",
              r.perMessage(v)));
    }
    if (r.longSession != null) {
      history.put(
          "longSession",
          Map.of(
              "messages", r.longSession.messages(),
              "sendSeconds", r.longSession.sendSeconds(),
              "allProcessedSeconds", r.longSession.doneSeconds(),
              "runs", r.longSession.runs(),
              "maxEventsPerRun", r.longSession.maxEvents(),
              "eventsPerRun", r.longSession.eventsPerRun()));
    }
    f.put("historyCost", history);
  }

  /** Scenario 4: open sessions waiting on timers, against bare timers. */
  private Map<String, Object> scale() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("openSessions", r.scale.sessions());
    s.put("openingSeconds", r.scale.openSeconds());
    s.put("replyPhaseSeconds", r.scale.replySeconds());
    s.put("bareTimerStartSeconds", r.bareTimerStartSeconds);
    s.put("heapIdleMb", r.scale.heapIdleMb());
    s.put("heapWithSessionsOpenMb", r.scale.heapOpenMb());
    s.put("kbPerOpenSession", r.scale.kbPerSession());
    s.put("autoClosed", r.scale.closed());
    s.put("autoCloseLatenessSeconds", r.scale.latenessSeconds().asMap());
    s.put("autoCloseLatenessToWorkflowDeadlineSeconds", r.scale.timerLatenessSeconds().asMap());
    s.put("deadlineQueriesUnanswered", r.scale.unansweredQueries());
    s.put("latenessByDueOrder", r.scale.latenessByDueOrder());
    s.put("latestAutoCloses", r.scale.latest());
    if (r.bareWarnedTimers != null) {
      s.put("bareWarnedTimerLatenessSeconds", r.bareWarnedTimers.asMap());
      s.put(
          "ratioAutoCloseLatenessP99ToBareWarnedTimers",
          r.scale.timerLatenessSeconds().p99() / r.bareWarnedTimers.p99());
    }
    if (r.bareTimers != null) {
      s.put("bareTimerLatenessSeconds", r.bareTimers.asMap());
    }
    if (!r.autoCloseActions.isEmpty()) {
      s.put("autoClosedSessionActions", Report.meanActions(r.autoCloseActions));
      s.put("autoClosedSessionUsdPerMillion", Actions.usdPerMillionSessions(r.autoCloseTotal()));
    }
    if (!r.bareAutoCloseActions.isEmpty()) {
      s.put("bareAutoCloseActions", Report.meanActions(r.bareAutoCloseActions));
      s.put("ratioAutoCloseActionsToBareAutoClose", r.autoCloseTotal() / r.bareAutoCloseTotal());
    }
    if (r.bareTimerActions != null) {
      s.put("bareTimerActions", r.bareTimerActions);
      s.put("ratioAutoCloseActionsToBareTimer", r.autoCloseTotal() / r.bareTimerTotal());
    }
    Map<String, Object> rate = new LinkedHashMap<>();
    rate.put("sessionClosesInStore", r.scale.closes().asMap());
    rate.put("sessionWorkflowCloses", r.scale.workflowCloses().asMap());
    rate.put("bareTimerCompletions", r.bareTimerCompletions.asMap());
    rate.put("ratioPeakSecond", r.closesRatio(Rate::peak));
    rate.put("ratioBest" + Rate.WINDOW + "sWindow", r.closesRatio(Rate::bestWindow));
    s.put("closesPerSecond", rate);
    return s;
  }
}
