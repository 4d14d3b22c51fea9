package dev.sessionflow.bench;

import dev.sessionflow.bench.Lifecycle.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Collects every figure, relates it to its baseline and target, writes Markdown and JSON. */
final class Report {
  private final BenchMain.Params params;
  private final Path dir;
  private final Map<Variant, List<Double>> rates = new EnumMap<>(Variant.class);
  private final Map<Variant, List<Double>> ends = new EnumMap<>(Variant.class);
  private final Map<Variant, List<Double>> events10 = new EnumMap<>(Variant.class);
  private final Map<Variant, List<Double>> events110 = new EnumMap<>(Variant.class);
  private final Map<Variant, List<Double>> sends = new EnumMap<>(Variant.class);
  private final Map<Variant, List<Map<String, Integer>>> actions = new EnumMap<>(Variant.class);
  private final Map<Variant, List<Double>> ratesH2 = new EnumMap<>(Variant.class);
  private final List<Profile.Top> profiles = new ArrayList<>();
  private Map<String, Integer> bareTimerActions;
  private List<Map<String, Integer>> bareAutoCloseActions = List.of();
  private Rate bareTimerCompletions = Rate.of(List.of());
  private List<Map<String, Integer>> autoCloseActions = List.of();
  private final Map<String, List<Double>> startups = new LinkedHashMap<>();
  private Duration startupDevFirst;
  private LongSession.Result longSession;
  private Scale.Result scale;
  private Broadcast.Result broadcast;
  private Stats bareTimers;
  private Stats bareWarnedTimers;
  private double bareTimerStartSeconds = Double.NaN;

  Report(BenchMain.Params params, Path dir) {
    this.params = params;
    this.dir = dir;
    for (Variant v : Variant.values()) {
      rates.put(v, new ArrayList<>());
      ends.put(v, new ArrayList<>());
      events10.put(v, new ArrayList<>());
      events110.put(v, new ArrayList<>());
      sends.put(v, new ArrayList<>());
      actions.put(v, new ArrayList<>());
      ratesH2.put(v, new ArrayList<>());
    }
  }

  void batch(Lifecycle.Batch batch) {
    rates.get(batch.variant()).add(batch.perSecond());
    ends.get(batch.variant()).addAll(batch.endMillis());
    sends.get(batch.variant()).addAll(batch.messageMillis());
  }

  void batchH2(Lifecycle.Batch batch) {
    ratesH2.get(batch.variant()).add(batch.perSecond());
  }

  void actions(Variant variant, Map<String, Integer> counted) {
    actions.get(variant).add(counted);
  }

  void bareTimerActions(Map<String, Integer> counted) {
    bareTimerActions = counted;
  }

  void bareAutoCloseActions(List<Map<String, Integer>> counted) {
    bareAutoCloseActions = counted;
  }

  void bareTimerCompletions(Rate completions) {
    bareTimerCompletions = completions;
  }

  void autoCloseActions(List<Map<String, Integer>> counted) {
    autoCloseActions = counted;
  }

  void profiles(List<Profile.Top> tops) {
    profiles.addAll(tops);
  }

  /** Mean actions by kind over the counted histories (kinds in their first-seen order). */
  static Map<String, Double> meanActions(List<Map<String, Integer>> counted) {
    Map<String, Double> mean = new LinkedHashMap<>();
    for (Map<String, Integer> one : counted) {
      one.keySet().forEach(k -> mean.putIfAbsent(k, 0.0));
    }
    Double total = mean.remove("total");
    if (total != null) {
      mean.put("total", 0.0);
    }
    for (String k : mean.keySet()) {
      mean.put(
          k, counted.stream().mapToInt(m -> m.getOrDefault(k, 0)).average().orElse(Double.NaN));
    }
    return mean;
  }

  private double totalActions(Variant v) {
    return meanActions(actions.get(v)).getOrDefault("total", Double.NaN);
  }

  private double autoCloseTotal() {
    return meanActions(autoCloseActions).getOrDefault("total", Double.NaN);
  }

  private double bareAutoCloseTotal() {
    return meanActions(bareAutoCloseActions).getOrDefault("total", Double.NaN);
  }

  private double bareTimerTotal() {
    return bareTimerActions == null ? Double.NaN : bareTimerActions.get("total");
  }

  private double sendP99(Variant v) {
    return Stats.of(sends.get(v)).p99();
  }

  void events(Variant variant, int messages, int count) {
    (messages == 10 ? events10 : events110).get(variant).add((double) count);
  }

  void startupDevFirst(Duration d) {
    startupDevFirst = d;
  }

  void startup(String mode, Duration d) {
    startups.computeIfAbsent(mode, k -> new ArrayList<>()).add(d.toMillis() / 1000.0);
  }

  void longSession(LongSession.Result r) {
    longSession = r;
  }

  void bareTimers(Stats latenessSeconds) {
    bareTimers = latenessSeconds;
  }

  void bareTimerStartSeconds(double seconds) {
    bareTimerStartSeconds = seconds;
  }

  void bareWarnedTimers(Stats latenessSeconds) {
    bareWarnedTimers = latenessSeconds;
  }

  void scale(Scale.Result r) {
    scale = r;
  }

  void settingsBroadcast(Broadcast.Result r) {
    broadcast = r;
  }

  private boolean lifecycleMeasured() {
    return !rates.get(Variant.BASELINE).isEmpty();
  }

  /** A run that measured nothing is a broken harness, whatever the targets say. */
  void requireComplete(boolean everyScenario) {
    if (scale == null || scale.closed() == 0) {
      throw new IllegalStateException("no session auto-closed in the scale scenario");
    }
    if (scale.closed() < scale.sessions()) {
      throw new IllegalStateException(
          (scale.sessions() - scale.closed())
              + " sessions never auto-closed in the scale scenario");
    }
    if (!scale.closes().measured() || !bareTimerCompletions.measured()) {
      throw new IllegalStateException("no closes per second: the store or visibility gave none");
    }
    if (bareAutoCloseActions.isEmpty()) {
      throw new IllegalStateException("no bare auto-close counted");
    }
    if (!everyScenario) {
      return;
    }
    for (Variant v : Variant.values()) {
      if (rates.get(v).isEmpty() || events10.get(v).isEmpty()) {
        throw new IllegalStateException("no lifecycle figures for " + v);
      }
    }
    if (longSession == null || longSession.runs() == 0) {
      throw new IllegalStateException("no long-session figures");
    }
  }

  /** One of the targets: the figure, its target, the ratio (or value) measured, its verdict. */
  record Target(String figure, String target, double ratio, boolean met, String figures) {
    String verdict() {
      return Double.isNaN(ratio) ? "not measured" : met ? "met" : "**missed**";
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("figure", figure);
      m.put("target", target);
      m.put("ratio", ratio);
      m.put("verdict", verdict().replace("*", ""));
      m.put("figures", figures);
      return m;
    }
  }

  private static Target atLeast(String figure, double min, double ratio, String figures) {
    return new Target(figure, ">= " + f(min), ratio, ratio >= min, figures);
  }

  private static Target atMost(String figure, double max, double ratio, String figures) {
    return new Target(figure, "<= " + f(max), ratio, ratio <= max, figures);
  }

  /** The sessions' closes per second against the bare timers' completions, by {@code measure}. */
  double closesRatio(java.util.function.ToDoubleFunction<Rate> measure) {
    if (scale == null) {
      return Double.NaN;
    }
    return measure.applyAsDouble(scale.closes()) / measure.applyAsDouble(bareTimerCompletions);
  }

  /** Every target of the benchmark, measured or not, in the order BENCHMARKS.md lists them. */
  List<Target> targets() {
    List<Target> t = new ArrayList<>();
    boolean lc = lifecycleMeasured();
    double nan = Double.NaN;
    double base = lc ? median(Variant.BASELINE) : nan;
    t.add(
        atLeast(
            "lifecycle throughput through the HTTP API, PostgreSQL store, vs baseline",
            0.8,
            lc ? median(Variant.HTTP) / base : nan,
            lc
                ? "HTTP " + f(median(Variant.HTTP)) + " vs " + f(base) + " sessions/s (medians)"
                : ""));
    t.add(
        atLeast(
            "lifecycle throughput through the Temporal client, vs baseline",
            0.9,
            lc ? median(Variant.CLIENT) / base : nan,
            lc ? f(median(Variant.CLIENT)) + " sessions/s" : ""));
    t.add(
        atMost(
            "agent end p99, HTTP, vs a bare Update (read-your-writes kept)",
            1.5,
            lc ? p99(Variant.HTTP) / p99(Variant.BASELINE) : nan,
            lc
                ? "p99 "
                    + f(p99(Variant.HTTP))
                    + " vs "
                    + f(p99(Variant.BASELINE))
                    + " ms; client path "
                    + f(p99(Variant.CLIENT) / p99(Variant.BASELINE))
                : ""));
    t.add(
        atMost(
            "end-user message POST -> 202 p99, vs a bare signal round trip",
            2,
            lc ? sendP99(Variant.HTTP) / sendP99(Variant.BASELINE) : nan,
            lc
                ? "p99 " + f(sendP99(Variant.HTTP)) + " vs " + f(sendP99(Variant.BASELINE)) + " ms"
                : ""));
    t.add(
        atMost(
            "history events per message (HTTP)",
            2.5,
            lc ? perMessage(Variant.HTTP) : nan,
            lc ? "baseline " + f(perMessage(Variant.BASELINE)) : ""));
    t.add(
        atMost(
            "heap with all scale sessions open (MB)",
            512,
            scale != null ? scale.heapOpenMb() : nan,
            scale != null ? scale.sessions() + " open" : ""));
    double ownP99 = scale != null ? scale.timerLatenessSeconds().p99() : nan;
    double bareP99 = bareTimers != null ? bareTimers.p99() : nan;
    t.add(
        atMost(
            "auto-close lateness p99 after the workflow's deadline, vs bare timers",
            1.3,
            ownP99 / bareP99,
            f(ownP99)
                + " s vs "
                + f(bareP99)
                + " s; vs bare timers that warn first (two timers each, as a session): "
                + f(ownP99 / warnedP99())));
    t.add(
        atLeast(
            "closes per second at peak (best " + Rate.WINDOW + " s), vs bare timer completions",
            0.8,
            closesRatio(Rate::bestWindow),
            scale != null
                ? f(scale.closes().bestWindow())
                    + " vs "
                    + f(bareTimerCompletions.bestWindow())
                    + " per s; busiest second "
                    + f(scale.closes().peak())
                    + " vs "
                    + f(bareTimerCompletions.peak())
                    + " (ratio "
                    + f(closesRatio(Rate::peak))
                    + ")"
                : ""));
    t.add(
        atMost(
            "end-user message POST p99 while a settings change reaches every open session, vs"
                + " just before",
            2,
            broadcast != null ? broadcast.ratio() : nan,
            broadcast != null
                ? "p99 "
                    + f(broadcast.duringMs().p99())
                    + " vs "
                    + f(broadcast.idleMs().p99())
                    + " ms; "
                    + broadcast.openSessions()
                    + " sessions held it after "
                    + f(broadcast.secondsToApplyAll())
                    + " s"
                : ""));
    double httpActions = lc ? totalActions(Variant.HTTP) : nan;
    t.add(
        atMost(
            "Temporal Cloud actions per session (10 messages, agent end, survey), HTTP, vs bare",
            1.3,
            httpActions / (lc ? totalActions(Variant.BASELINE) : nan),
            lc ? f(httpActions) + " vs " + f(totalActions(Variant.BASELINE)) : ""));
    t.add(
        atMost(
            "Temporal Cloud actions per auto-closed session vs a bare auto-close",
            1.3,
            autoCloseTotal() / bareAutoCloseTotal(),
            f(autoCloseTotal())
                + " vs "
                + f(bareAutoCloseTotal())
                + "; a bare timer: "
                + f(bareTimerTotal())
                + " (ratio "
                + f(autoCloseTotal() / bareTimerTotal())
                + ")"));
    return t;
  }

  private double warnedP99() {
    return bareWarnedTimers != null ? bareWarnedTimers.p99() : Double.NaN;
  }

  private double median(Variant v) {
    return Stats.median(rates.get(v));
  }

  private double perMessage(Variant v) {
    return (mean(events110.get(v)) - mean(events10.get(v))) / 100.0;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  Map<String, Object> figures() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("generatedAt", Instant.now().toString());
    f.put("machine", machine());
    f.put("versions", versions());
    f.put("parameters", params.asMap());
    f.put("targets", targets().stream().map(Target::asMap).toList());
    if (lifecycleMeasured()) {
      Map<String, Object> throughput = new LinkedHashMap<>();
      for (Variant v : Variant.values()) {
        throughput.put(
            v.name(), Map.of("sessionsPerSecondByRound", rates.get(v), "median", median(v)));
      }
      throughput.put("ratioHttpToBaseline", median(Variant.HTTP) / median(Variant.BASELINE));
      throughput.put("ratioClientToBaseline", median(Variant.CLIENT) / median(Variant.BASELINE));
      f.put("lifecycleThroughput", throughput);
      Map<String, Object> latency = new LinkedHashMap<>();
      for (Variant v : Variant.values()) {
        latency.put(v.name(), Stats.of(ends.get(v)).asMap());
      }
      latency.put("ratioHttpP99ToBareUpdateP99", p99(Variant.HTTP) / p99(Variant.BASELINE));
      latency.put("ratioClientP99ToBareUpdateP99", p99(Variant.CLIENT) / p99(Variant.BASELINE));
      f.put("agentEndLatencyMs", latency);
      Map<String, Object> messages = new LinkedHashMap<>();
      for (Variant v : Variant.values()) {
        messages.put(v.name(), Stats.of(sends.get(v)).asMap());
      }
      messages.put(
          "ratioHttpEndUserPostP99ToBareSignalP99",
          sendP99(Variant.HTTP) / sendP99(Variant.BASELINE));
      f.put("messageLatencyMs", messages);
      if (!ratesH2.get(Variant.BASELINE).isEmpty()) {
        Map<String, Object> h2 = new LinkedHashMap<>();
        for (Variant v : List.of(Variant.BASELINE, Variant.HTTP)) {
          h2.put(
              v.name(),
              Map.of(
                  "sessionsPerSecondByRound",
                  ratesH2.get(v),
                  "median",
                  Stats.median(ratesH2.get(v))));
        }
        h2.put(
            "ratioHttpToBaseline",
            Stats.median(ratesH2.get(Variant.HTTP)) / Stats.median(ratesH2.get(Variant.BASELINE)));
        f.put("lifecycleThroughputH2File", h2);
      }
      Map<String, Object> cost = new LinkedHashMap<>();
      cost.put("price", Actions.PRICE_SOURCE);
      for (Variant v : Variant.values()) {
        cost.put(
            v.name(),
            Map.of(
                "actionsPerSession",
                meanActions(actions.get(v)),
                "usdPerMillionSessions",
                Actions.usdPerMillionSessions(totalActions(v))));
      }
      cost.put("ratioHttpToBaseline", totalActions(Variant.HTTP) / totalActions(Variant.BASELINE));
      cost.put(
          "ratioClientToBaseline", totalActions(Variant.CLIENT) / totalActions(Variant.BASELINE));
      f.put("temporalCloudActions", cost);
      Map<String, Object> history = new LinkedHashMap<>();
      for (Variant v : Variant.values()) {
        history.put(
            v.name(),
            Map.of(
                "eventsPerSession10Messages",
                mean(events10.get(v)),
                "eventsPerSession110Messages",
                mean(events110.get(v)),
                "eventsPerMessage",
                perMessage(v)));
      }
      if (longSession != null) {
        history.put(
            "longSession",
            Map.of(
                "messages", longSession.messages(),
                "sendSeconds", longSession.sendSeconds(),
                "allProcessedSeconds", longSession.doneSeconds(),
                "runs", longSession.runs(),
                "maxEventsPerRun", longSession.maxEvents(),
                "eventsPerRun", longSession.eventsPerRun()));
      }
      f.put("historyCost", history);
    }
    if (scale != null) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("openSessions", scale.sessions());
      s.put("openingSeconds", scale.openSeconds());
      s.put("replyPhaseSeconds", scale.replySeconds());
      s.put("bareTimerStartSeconds", bareTimerStartSeconds);
      s.put("heapIdleMb", scale.heapIdleMb());
      s.put("heapWithSessionsOpenMb", scale.heapOpenMb());
      s.put("kbPerOpenSession", scale.kbPerSession());
      s.put("autoClosed", scale.closed());
      s.put("autoCloseLatenessSeconds", scale.latenessSeconds().asMap());
      s.put("autoCloseLatenessToWorkflowDeadlineSeconds", scale.timerLatenessSeconds().asMap());
      s.put("deadlineQueriesUnanswered", scale.unansweredQueries());
      if (bareWarnedTimers != null) {
        s.put("bareWarnedTimerLatenessSeconds", bareWarnedTimers.asMap());
        s.put(
            "ratioAutoCloseLatenessP99ToBareWarnedTimers",
            scale.timerLatenessSeconds().p99() / bareWarnedTimers.p99());
      }
      if (bareTimers != null) {
        s.put("bareTimerLatenessSeconds", bareTimers.asMap());
      }
      if (!autoCloseActions.isEmpty()) {
        s.put("autoClosedSessionActions", meanActions(autoCloseActions));
        s.put("autoClosedSessionUsdPerMillion", Actions.usdPerMillionSessions(autoCloseTotal()));
      }
      if (!bareAutoCloseActions.isEmpty()) {
        s.put("bareAutoCloseActions", meanActions(bareAutoCloseActions));
        s.put("ratioAutoCloseActionsToBareAutoClose", autoCloseTotal() / bareAutoCloseTotal());
      }
      if (bareTimerActions != null) {
        s.put("bareTimerActions", bareTimerActions);
        s.put("ratioAutoCloseActionsToBareTimer", autoCloseTotal() / bareTimerTotal());
      }
      Map<String, Object> rate = new LinkedHashMap<>();
      rate.put("sessionClosesInStore", scale.closes().asMap());
      rate.put("sessionWorkflowCloses", scale.workflowCloses().asMap());
      rate.put("bareTimerCompletions", bareTimerCompletions.asMap());
      rate.put("ratioPeakSecond", closesRatio(Rate::peak));
      rate.put("ratioBest" + Rate.WINDOW + "sWindow", closesRatio(Rate::bestWindow));
      s.put("closesPerSecond", rate);
      f.put("scale", s);
    }
    if (broadcast != null) {
      f.put("settingsBroadcast", broadcast.asMap());
    }
    if (!startups.isEmpty()) {
      Map<String, Object> start = new LinkedHashMap<>();
      startups.forEach((mode, values) -> start.put(mode, Map.of("seconds", values)));
      if (startupDevFirst != null) {
        start.put("devServerFirstStartSeconds", startupDevFirst.toMillis() / 1000.0);
      }
      f.put("startup", start);
    }
    if (!profiles.isEmpty()) {
      Map<String, Object> p = new LinkedHashMap<>();
      profiles.forEach(t -> p.put(t.scenario(), t.asMap()));
      f.put("serviceProfile", p);
    }
    return f;
  }

  private double p99(Variant v) {
    return Stats.of(ends.get(v)).p99();
  }

  void write(Path out) throws IOException {
    Files.createDirectories(out.getParent());
    Files.writeString(
        Path.of(out + ".json"), Http.JSON.writeValueAsString(figures()) + System.lineSeparator());
    Files.writeString(Path.of(out + ".md"), markdown());
  }

  private String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# sessionflow benchmark: ").append(params.name()).append(" run\n\n");
    md.append("Generated ").append(Instant.now()).append(" by `bench/run.sh");
    md.append(params.name().equals("small") ? " --small`" : "`").append(".\n\n");
    md.append("| machine | |\n|---|---|\n");
    machine().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    versions().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\nParameters: `").append(params.asMap()).append("`\n\n");
    md.append("## Targets\n\n| figure | target | ratio | verdict | figures |\n");
    md.append("|---|---|---|---|---|\n");
    for (Target t : targets()) {
      boolean measured = !Double.isNaN(t.ratio());
      md.append(
          row(
              t.figure(),
              t.target(),
              measured ? f(t.ratio()) : "—",
              t.verdict(),
              measured ? t.figures() : ""));
    }
    md.append("\n");

    if (lifecycleMeasured()) {
      md.append("## 1. Lifecycle throughput (sessions/s, median of rounds)\n\n");
      md.append(
          "| path | per round | median | ratio to baseline | target |\n|---|---|---|---|---|\n");
      for (Variant v : Variant.values()) {
        double ratio = median(v) / median(Variant.BASELINE);
        md.append(
            row(
                v.name(),
                rounds(rates.get(v)),
                f(median(v)),
                f(ratio),
                switch (v) {
                  case BASELINE -> "";
                  case HTTP -> verdict(ratio >= 0.8, ">= 0.8");
                  case CLIENT -> verdict(ratio >= 0.9, ">= 0.9");
                }));
      }
      md.append("\n## 2. Agent-end latency (ms)\n\n");
      latencyTable(md, ends, "bare Update", EnumSet.of(Variant.HTTP, Variant.CLIENT), 1.5);
      md.append("\nMessages after the first, p50 / p99 / max (ms): ");
      md.append(
          "the end user's `POST` to its `202` (HTTP), a signal's round trip (client paths).\n\n");
      latencyTable(md, sends, "bare signal", EnumSet.of(Variant.HTTP), 2);
      if (!ratesH2.get(Variant.BASELINE).isEmpty()) {
        double h2Ratio =
            Stats.median(ratesH2.get(Variant.HTTP)) / Stats.median(ratesH2.get(Variant.BASELINE));
        md.append("\nSecondary column, the ticket store in an H2 file (its own service, ");
        md.append("BASELINE and HTTP interleaved): BASELINE ")
            .append(rounds(ratesH2.get(Variant.BASELINE)))
            .append(", HTTP ")
            .append(rounds(ratesH2.get(Variant.HTTP)))
            .append(" sessions/s; median ratio ")
            .append(f(h2Ratio))
            .append(".\n");
      }
      md.append("\n## 3. History cost (events)\n\n");
      md.append(
          "| path | per session (10 messages) | per session (110) | per message | target |\n");
      md.append("|---|---|---|---|---|\n");
      for (Variant v : Variant.values()) {
        md.append(
            row(
                v.name(),
                f(mean(events10.get(v))),
                f(mean(events110.get(v))),
                f(perMessage(v)),
                v == Variant.BASELINE ? "" : verdict(perMessage(v) <= 2.5, "<= 2.5")));
      }
      if (longSession != null) {
        md.append("\nLong session: ")
            .append(longSession.messages())
            .append(" messages through the ");
        md.append("API (4 senders) in ").append(f(longSession.sendSeconds())).append(" s, all ");
        md.append("processed after ").append(f(longSession.doneSeconds())).append(" s; ");
        md.append(longSession.runs()).append(" runs (continue-as-new), at most ");
        md.append(longSession.maxEvents()).append(" events in a run: ");
        md.append(longSession.eventsPerRun()).append(".\n");
      }
      md.append("\n## 3b. Temporal Cloud actions, counted from the histories\n\n");
      md.append(Actions.PRICE_SOURCE).append(".\n\n");
      md.append("| path | actions per session (mean of ");
      md.append(actions.get(Variant.BASELINE).size());
      md.append(") | by kind | USD per million sessions | ratio to baseline | target |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (Variant v : Variant.values()) {
        double ratio = totalActions(v) / totalActions(Variant.BASELINE);
        md.append(
            row(
                v.name(),
                f(totalActions(v)),
                kinds(meanActions(actions.get(v))),
                f(Actions.usdPerMillionSessions(totalActions(v))),
                f(ratio),
                v == Variant.BASELINE ? "" : verdict(ratio <= 1.3, "<= 1.3")));
      }
    }
    if (scale != null) {
      Stats late = scale.latenessSeconds();
      md.append("\n## 4. Scale: open sessions waiting on timers\n\n");
      md.append("| figure | value | target |\n|---|---|---|\n");
      md.append(row("open sessions", Integer.toString(scale.sessions()), ""));
      md.append(row("opening (end-user messages), s", f(scale.openSeconds()), ""));
      md.append(
          row(
              "agent replies, paced over "
                  + params.deadlineSpread().toSeconds()
                  + " s (the spread of deadlines), s",
              f(scale.replySeconds()),
              ""));
      md.append(row("service heap after GC, idle, MB", f(scale.heapIdleMb()), ""));
      md.append(
          row(
              "service heap after GC, all open, MB",
              f(scale.heapOpenMb()),
              verdict(scale.heapOpenMb() <= 512, "<= 512")));
      md.append(row("per open session, KB", f(scale.kbPerSession()), ""));
      md.append(row("auto-closed", scale.closed() + " of " + scale.sessions(), ""));
      Stats own = scale.timerLatenessSeconds();
      md.append(
          row(
              "auto-close lateness after the workflow's deadline (sample of "
                  + own.count()
                  + (scale.unansweredQueries() > 0
                      ? ", " + scale.unansweredQueries() + " queries unanswered"
                      : "")
                  + "), p50 / p99 / max, s",
              f(own.p50()) + " / " + f(own.p99()) + " / " + f(own.max()),
              verdict(own.p99() <= 1, "p99 <= 1")));
      md.append(
          row(
              "auto-close lateness after the agent's 202 (all), p50 / p99 / max, s",
              f(late.p50()) + " / " + f(late.p99()) + " / " + f(late.max()),
              ""));
      if (bareTimers != null) {
        md.append(
            row(
                "baseline: as many bare timers, due over "
                    + params.deadlineSpread().toSeconds()
                    + " s (started in "
                    + f(bareTimerStartSeconds)
                    + " s, before the first was due), lateness p50 / p99 / max, s",
                f(bareTimers.p50()) + " / " + f(bareTimers.p99()) + " / " + f(bareTimers.max()),
                ""));
        md.append(
            row(
                "auto-close lateness p99 ratio to bare timers",
                f(own.p99() / bareTimers.p99()),
                verdict(own.p99() / bareTimers.p99() <= 1.3, "<= 1.3")));
      }
      if (bareWarnedTimers != null) {
        Stats w = bareWarnedTimers;
        md.append(
            row(
                "baseline: as many bare timers that first wait "
                    + Scale.WARN_BEFORE.toSeconds()
                    + " s less (a warning's timer, as each session), lateness p50 / p99 / max, s",
                f(w.p50()) + " / " + f(w.p99()) + " / " + f(w.max()),
                ""));
        md.append(
            row(
                "auto-close lateness p99 ratio to bare timers that warn first",
                f(own.p99() / w.p99()),
                "what the server makes of two timers per session"));
      }
      closesRow(md, "closes per second in the store (each session's ended_at)", scale.closes());
      closesRow(md, "session workflows completed per second (visibility)", scale.workflowCloses());
      closesRow(md, "baseline: bare timer workflows completed per second", bareTimerCompletions);
      md.append(
          row(
              "closes per second, ratio to bare timers: best "
                  + Rate.WINDOW
                  + " s / busiest second",
              f(closesRatio(Rate::bestWindow)) + " / " + f(closesRatio(Rate::peak)),
              verdict(
                  closesRatio(Rate::bestWindow) >= 0.8, ">= 0.8 (best " + Rate.WINDOW + " s)")));
      if (!autoCloseActions.isEmpty()) {
        double ratio = autoCloseTotal() / bareAutoCloseTotal();
        md.append(
            row(
                "Temporal Cloud actions per auto-closed session (mean of "
                    + autoCloseActions.size()
                    + "): "
                    + kinds(meanActions(autoCloseActions))
                    + "; a bare auto-close (mean of "
                    + bareAutoCloseActions.size()
                    + "): "
                    + kinds(meanActions(bareAutoCloseActions)),
                f(autoCloseTotal())
                    + " vs "
                    + f(bareAutoCloseTotal())
                    + " (USD "
                    + f(Actions.usdPerMillionSessions(autoCloseTotal()))
                    + " per million), ratio "
                    + f(ratio)
                    + "; to a bare timer ("
                    + f(bareTimerTotal())
                    + "): "
                    + f(autoCloseTotal() / bareTimerTotal()),
                verdict(ratio <= 1.3, "<= 1.3")));
      }
    }
    if (!startups.isEmpty()) {
      md.append("\n## 5. Start-up: `java -jar` to a healthy /actuator/health (s)\n\n");
      md.append("| mode | runs | median |\n|---|---|---|\n");
      startups.forEach(
          (mode, values) -> md.append(row(mode, rounds(values), f(Stats.median(values)))));
      if (startupDevFirst != null) {
        md.append(
            row(
                "dev server, first start (schema, search attributes)",
                "",
                f(startupDevFirst.toMillis() / 1000.0)));
      }
    }
    if (!profiles.isEmpty()) {
      md.append("\n## 6. Where the service spends its CPU (JFR, execution samples)\n\n");
      md.append("The service recorded with JFR's `profile` settings through the run; each ");
      md.append("scenario's samples by component (the frame nearest the top of the stack that ");
      md.append("has one), the top methods on the CPU (self), and sessionflow's own methods on ");
      md.append("the stack (inclusive). Shares of the scenario's samples.\n");
      for (Profile.Top t : profiles) {
        md.append("\n### ").append(t.scenario()).append(" (").append(t.samples());
        md.append(" samples)\n\n| components | self | sessionflow, inclusive |\n|---|---|---|\n");
        for (int i = 0; i < Profile.TOP; i++) {
          md.append(row(frame(t.components(), i), frame(t.self(), i), frame(t.service(), i)));
        }
      }
    }
    md.append("\nProcess logs of this run: `").append(dir).append("`.\n");
    return md.toString();
  }

  /** Latencies by path, each p99 against the baseline's; a target for the paths named. */
  private static void latencyTable(
      StringBuilder md,
      Map<Variant, List<Double>> millis,
      String baseline,
      Set<Variant> targeted,
      double target) {
    md.append("| path | n | p50 | p99 | max | p99 ratio to ").append(baseline);
    md.append(" | target |\n|---|---|---|---|---|---|---|\n");
    double baselineP99 = Stats.of(millis.get(Variant.BASELINE)).p99();
    for (Variant v : Variant.values()) {
      Stats s = Stats.of(millis.get(v));
      double ratio = s.p99() / baselineP99;
      md.append(
          row(
              v.name(),
              Integer.toString(s.count()),
              f(s.p50()),
              f(s.p99()),
              f(s.max()),
              f(ratio),
              targeted.contains(v) ? verdict(ratio <= target, "<= " + f(target)) : ""));
    }
  }

  private static void closesRow(StringBuilder md, String what, Rate rate) {
    md.append(
        row(
            what + ": best " + Rate.WINDOW + " s / busiest second (count, over s)",
            f(rate.bestWindow())
                + " / "
                + f(rate.peak())
                + " ("
                + rate.total()
                + ", "
                + rate.seconds()
                + ")",
            ""));
  }

  private static String frame(List<Profile.Frame> frames, int i) {
    if (i >= frames.size()) {
      return "";
    }
    Profile.Frame f = frames.get(i);
    return f.percent() + "% `" + f.method() + "`";
  }

  private static String kinds(Map<String, Double> byKind) {
    List<String> parts = new ArrayList<>();
    byKind.forEach(
        (k, v) -> {
          if (!k.equals("total")) {
            parts.add(k + " " + f(v));
          }
        });
    return String.join(", ", parts);
  }

  private static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String rounds(List<Double> values) {
    return String.join(", ", values.stream().map(Report::f).toList());
  }

  private static String verdict(boolean met, String target) {
    return target + (met ? ": met" : ": **missed**");
  }

  static String f(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstLine("/proc/cpuinfo", "model name"));
    m.put("memory", firstLine("/proc/meminfo", "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return m;
  }

  private static Map<String, Object> versions() {
    Map<String, Object> m = new LinkedHashMap<>();
    Properties p = new Properties();
    try (InputStream in = Report.class.getResourceAsStream("/bench-versions.properties")) {
      p.load(in);
    } catch (IOException | NullPointerException e) {
      // reported as unknown
    }
    m.put("temporal CLI", DevServer.version().replace('\n', ' '));
    m.put("Temporal Java SDK", p.getProperty("temporalSdk", "unknown"));
    m.put("Spring Boot", springBootVersion());
    return m;
  }

  /** As the service jar's manifest says. */
  private static String springBootVersion() {
    try (var jar = new java.util.jar.JarFile("worker/target/sessionflow.jar")) {
      return jar.getManifest().getMainAttributes().getValue("Spring-Boot-Version");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String firstLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
