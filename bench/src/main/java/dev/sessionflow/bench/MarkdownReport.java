package dev.sessionflow.bench;

import static dev.sessionflow.bench.Report.f;

import dev.sessionflow.bench.Lifecycle.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report as Markdown ({@code bench/results/*.md}): the machine, the targets table, then each
 * scenario's section with its figures and their targets ({@link Goal}).
 */
final class MarkdownReport {
  private final Report r;
  private final StringBuilder md = new StringBuilder();

  MarkdownReport(Report r) {
    this.r = r;
  }

  String render() {
    md.append("# sessionflow benchmark: ").append(r.params.name()).append(" run\n\n");
    md.append("Generated ").append(Instant.now()).append(" by `bench/run.sh");
    md.append(r.params.name().equals("small") ? " --small`" : "`").append(".\n\n");
    md.append("| machine | |\n|---|---|\n");
    Machine.describe()
        .forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    Machine.versions()
        .forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append("\nParameters: `").append(r.params.asMap()).append("`\n\n");
    md.append("## Targets\n\n| figure | target | ratio | verdict | figures |\n");
    md.append("|---|---|---|---|---|\n");
    for (Target t : Targets.of(r)) {
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

    if (r.lifecycleMeasured()) {
      lifecycle();
    }
    if (r.scale != null) {
      new ScaleSection(r, md).append();
    }
    if (r.preview != null) {
      md.append("\n## 4c. Settings preview over stored sessions (s, through the API)\n\n");
      md.append("| stored sessions (10 messages each) | considered | runs | median |\n");
      md.append("|---|---|---|---|\n");
      md.append(
          row(
              Integer.toString(r.preview.storedSessions()),
              Integer.toString(r.preview.considered()),
              rounds(r.preview.seconds()),
              f(r.preview.median())));
    }
    if (!r.startups.isEmpty()) {
      md.append("\n## 5. Start-up: `java -jar` to a healthy /actuator/health (s)\n\n");
      md.append("| mode | runs | median |\n|---|---|---|\n");
      r.startups.forEach(
          (mode, values) -> md.append(row(mode, rounds(values), f(Stats.median(values)))));
      if (r.startupDevFirst != null) {
        md.append(
            row(
                "dev server, first start (schema, search attributes)",
                "",
                f(r.startupDevFirst.toMillis() / 1000.0)));
      }
    }
    if (!r.profiles.isEmpty()) {
      md.append("\n## 6. Where the service spends its CPU (JFR, execution samples)\n\n");
      md.append("The service recorded with JFR's `profile` settings through the run; each ");
      md.append("scenario's samples by component (the frame nearest the top of the stack that ");
      md.append("has one), the top methods on the CPU (self), and sessionflow's own methods on ");
      md.append("the stack (inclusive). Shares of the scenario's samples.\n");
      for (Profile.Top t : r.profiles) {
        md.append("\n### ").append(t.scenario()).append(" (").append(t.samples());
        md.append(" samples)\n\n| components | self | sessionflow, inclusive |\n|---|---|---|\n");
        for (int i = 0; i < Profile.TOP; i++) {
          md.append(row(frame(t.components(), i), frame(t.self(), i), frame(t.service(), i)));
        }
      }
    }
    md.append("\nProcess logs of this run: `").append(r.dir).append("`.\n");
    return md.toString();
  }

  /** Scenarios 1 to 3: throughput, latencies, history cost, actions. */
  private void lifecycle() {
    md.append("## 1. Lifecycle throughput (sessions/s, median of rounds)\n\n");
    md.append(
        "| path | per round | median | ratio to baseline | target |\n|---|---|---|---|---|\n");
    for (Variant v : Variant.values()) {
      double ratio = r.median(v) / r.median(Variant.BASELINE);
      md.append(
          row(
              v.name(),
              rounds(r.rates.get(v)),
              f(r.median(v)),
              f(ratio),
              switch (v) {
                case BASELINE -> "";
                case HTTP -> Goal.LIFECYCLE_HTTP.verdict(ratio);
                case CLIENT -> Goal.LIFECYCLE_CLIENT.verdict(ratio);
              }));
    }
    md.append("\n## 2. Agent-end latency (ms)\n\n");
    latencyTable(
        md, r.ends, "bare Update", EnumSet.of(Variant.HTTP, Variant.CLIENT), Goal.AGENT_END_P99);
    endTasks();
    md.append("\nMessages after the first, p50 / p99 / max (ms): ");
    md.append(
        "the end user's `POST` to its `202` (HTTP), a signal's round trip (client paths).\n\n");
    latencyTable(md, r.sends, "bare signal", EnumSet.of(Variant.HTTP), Goal.MESSAGE_P99);
    if (!r.ratesH2.get(Variant.BASELINE).isEmpty()) {
      double h2Ratio =
          Stats.median(r.ratesH2.get(Variant.HTTP)) / Stats.median(r.ratesH2.get(Variant.BASELINE));
      md.append("\nSecondary column, the ticket store in an H2 file (its own service, ");
      md.append("BASELINE and HTTP interleaved): BASELINE ")
          .append(rounds(r.ratesH2.get(Variant.BASELINE)))
          .append(", HTTP ")
          .append(rounds(r.ratesH2.get(Variant.HTTP)))
          .append(" sessions/s; median ratio ")
          .append(f(h2Ratio))
          .append(".\n");
    }
    md.append("\n## 3. History cost (events)\n\n");
    md.append("| path | per session (10 messages) | per session (110) | per message | target |\n");
    md.append("|---|---|---|---|---|\n");
    for (Variant v : Variant.values()) {
      md.append(
          row(
              v.name(),
              f(Report.mean(r.events10.get(v))),
              f(Report.mean(r.events110.get(v))),
              f(r.perMessage(v)),
              v == Variant.BASELINE ? "" : Goal.EVENTS_PER_MESSAGE.verdict(r.perMessage(v))));
    }
    if (r.longSession != null) {
      md.append("\nLong session: ")
          .append(r.longSession.messages())
          .append(" messages through the ");
      md.append("API (4 senders) in ").append(f(r.longSession.sendSeconds())).append(" s, all ");
      md.append("processed after ").append(f(r.longSession.doneSeconds())).append(" s; ");
      md.append(r.longSession.runs()).append(" runs (continue-as-new), at most ");
      md.append(r.longSession.maxEvents()).append(" events in a run: ");
      md.append(r.longSession.eventsPerRun()).append(".\n");
    }
    md.append("\n## 3b. Temporal Cloud actions, counted from the histories\n\n");
    md.append(Actions.PRICE_SOURCE).append(".\n\n");
    md.append("| path | actions per session (mean of ");
    md.append(r.actions.get(Variant.BASELINE).size());
    md.append(") | by kind | USD per million sessions | ratio to baseline | target |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (Variant v : Variant.values()) {
      double ratio = r.totalActions(v) / r.totalActions(Variant.BASELINE);
      md.append(
          row(
              v.name(),
              f(r.totalActions(v)),
              kinds(Report.meanActions(r.actions.get(v))),
              f(Actions.usdPerMillionSessions(r.totalActions(v))),
              f(ratio),
              v == Variant.BASELINE ? "" : Goal.ACTIONS_PER_SESSION.verdict(ratio)));
    }
  }

  /** Latencies by path, each p99 against the baseline's; a target for the paths named. */
  private static void latencyTable(
      StringBuilder md,
      Map<Variant, List<Double>> millis,
      String baseline,
      Set<Variant> targeted,
      Goal goal) {
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
              targeted.contains(v) ? goal.verdict(ratio) : ""));
    }
  }

  private static String frame(List<Profile.Frame> frames, int i) {
    if (i >= frames.size()) {
      return "";
    }
    Profile.Frame f = frames.get(i);
    return f.percent() + "% `" + f.method() + "`";
  }

  static String kinds(Map<String, Double> byKind) {
    List<String> parts = new ArrayList<>();
    byKind.forEach(
        (k, v) -> {
          if (!k.equals("total")) {
            parts.add(k + " " + f(v));
          }
        });
    return String.join(", ", parts);
  }

  /** Where the end's time went, from the histories of its workflow task. */
  private void endTasks() {
    if (r.endTasks.values().stream().allMatch(List::isEmpty)) {
      return;
    }
    md.append("\nThe end's workflow task, read from the histories of up to ")
        .append(LifecycleRounds.END_TASKS_READ)
        .append(" sessions of each path, p50 / p99 (ms): the task in flight before it (the Update")
        .append(" waits for it), the end's task waiting for a worker, and running (the close")
        .append(" included).\n\n");
    md.append(
        "| path | n | task in flight before it | waiting for a worker | running | tasks (max) |"
            + " events it recorded (mean) |\n|---|---|---|---|---|---|---|\n");
    for (Variant v : Variant.values()) {
      List<EndTask> tasks = r.endTasks.get(v);
      md.append(
          row(
              v.name(),
              Integer.toString(tasks.size()),
              p50p99(tasks.stream().map(EndTask::inFlightMillis).toList()),
              p50p99(tasks.stream().map(EndTask::scheduledToStartedMillis).toList()),
              p50p99(tasks.stream().map(EndTask::startedToCompletedMillis).toList()),
              Integer.toString(tasks.stream().mapToInt(EndTask::tasks).max().orElse(0)),
              f(tasks.stream().mapToInt(EndTask::events).average().orElse(Double.NaN))));
    }
  }

  private static String p50p99(List<Double> values) {
    Stats s = Stats.of(values);
    return f(s.p50()) + " / " + f(s.p99());
  }

  static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String rounds(List<Double> values) {
    return String.join(", ", values.stream().map(Report::f).toList());
  }
}
