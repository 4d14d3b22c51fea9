package dev.sessionflow.bench;

import dev.sessionflow.bench.Lifecycle.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects every figure of a run and relates it to its baseline; {@link Targets} judges them by
 * their {@link Goal}s, {@link JsonReport} and {@link MarkdownReport} write them out. The renderers
 * read the fields directly: they are this package's, written only through the methods below.
 */
final class Report {
  final Params params;
  final Path dir;
  final Map<Variant, List<Double>> rates = new EnumMap<>(Variant.class);
  final Map<Variant, List<Double>> ends = new EnumMap<>(Variant.class);
  final Map<Variant, List<Double>> events10 = new EnumMap<>(Variant.class);
  final Map<Variant, List<Double>> events110 = new EnumMap<>(Variant.class);
  final Map<Variant, List<Double>> sends = new EnumMap<>(Variant.class);
  final Map<Variant, List<Map<String, Integer>>> actions = new EnumMap<>(Variant.class);
  final Map<Variant, List<EndTask>> endTasks = new EnumMap<>(Variant.class);
  final Map<Variant, List<Double>> ratesH2 = new EnumMap<>(Variant.class);
  final List<Profile.Top> profiles = new ArrayList<>();
  Map<String, Integer> bareTimerActions;
  List<Map<String, Integer>> bareAutoCloseActions = List.of();
  Rate bareTimerCompletions = Rate.of(List.of());
  List<Map<String, Integer>> autoCloseActions = List.of();
  final Map<String, List<Double>> startups = new LinkedHashMap<>();
  Duration startupDevFirst;
  LongSession.Result longSession;
  Scale.Result scale;
  Broadcast.Result broadcast;
  PreviewCost.Result preview;
  Stats bareTimers;
  Stats bareWarnedTimers;
  double bareTimerStartSeconds = Double.NaN;

  Report(Params params, Path dir) {
    this.params = params;
    this.dir = dir;
    for (Variant v : Variant.values()) {
      rates.put(v, new ArrayList<>());
      ends.put(v, new ArrayList<>());
      events10.put(v, new ArrayList<>());
      events110.put(v, new ArrayList<>());
      sends.put(v, new ArrayList<>());
      actions.put(v, new ArrayList<>());
      endTasks.put(v, new ArrayList<>());
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

  void endTask(Variant variant, EndTask task) {
    endTasks.get(variant).add(task);
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

  double totalActions(Variant v) {
    return meanActions(actions.get(v)).getOrDefault("total", Double.NaN);
  }

  double autoCloseTotal() {
    return meanActions(autoCloseActions).getOrDefault("total", Double.NaN);
  }

  double bareAutoCloseTotal() {
    return meanActions(bareAutoCloseActions).getOrDefault("total", Double.NaN);
  }

  double bareTimerTotal() {
    return bareTimerActions == null ? Double.NaN : bareTimerActions.get("total");
  }

  double sendP99(Variant v) {
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

  void settingsPreview(PreviewCost.Result r) {
    preview = r;
  }

  boolean lifecycleMeasured() {
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
    if (preview == null) {
      throw new IllegalStateException("no settings preview timed");
    }
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
    return Targets.of(this);
  }

  double warnedP99() {
    return bareWarnedTimers != null ? bareWarnedTimers.p99() : Double.NaN;
  }

  double median(Variant v) {
    return Stats.median(rates.get(v));
  }

  double perMessage(Variant v) {
    return (mean(events110.get(v)) - mean(events10.get(v))) / 100.0;
  }

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  double p99(Variant v) {
    return Stats.of(ends.get(v)).p99();
  }

  void write(Path out) throws IOException {
    Files.createDirectories(out.getParent());
    Files.writeString(
        Path.of(out + ".json"),
        Http.JSON.writeValueAsString(new JsonReport(this).figures()) + System.lineSeparator());
    Files.writeString(Path.of(out + ".md"), new MarkdownReport(this).render());
  }

  static String f(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }
}
