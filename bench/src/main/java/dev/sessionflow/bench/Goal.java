package dev.sessionflow.bench;

/**
 * The benchmark's targets, each defined once: what is measured, which way is better, and the
 * threshold. The targets table, the sections of the Markdown report and the JSON all judge by it.
 */
enum Goal {
  LIFECYCLE_HTTP(
      "lifecycle throughput through the HTTP API, PostgreSQL store, vs baseline", true, 0.8),
  LIFECYCLE_CLIENT("lifecycle throughput through the Temporal client, vs baseline", true, 0.9),
  AGENT_END_P99("agent end p99, HTTP, vs a bare Update (read-your-writes kept)", false, 1.5),
  MESSAGE_P99("end-user message POST -> 202 p99, vs a bare signal round trip", false, 2),
  EVENTS_PER_MESSAGE("history events per message (HTTP)", false, 2.5),
  HEAP_MB("heap with all scale sessions open (MB)", false, 512),
  AUTO_CLOSE_LATENESS(
      "auto-close lateness p99 after the workflow's deadline, vs bare timers", false, 1.3),
  CLOSES_PER_SECOND(
      "closes per second at peak (best " + Rate.WINDOW + " s), vs bare timer completions",
      true,
      0.8),
  SETTINGS_CHANGE_MESSAGE_P99(
      "end-user message POST p99 while a settings change reaches every open session, vs just"
          + " before",
      false,
      2),
  ACTIONS_PER_SESSION(
      "Temporal Cloud actions per session (10 messages, agent end, survey), HTTP, vs bare",
      false,
      1.3),
  ACTIONS_PER_AUTO_CLOSE(
      "Temporal Cloud actions per auto-closed session vs a bare auto-close", false, 1.3);

  final String figure;
  private final boolean higherIsBetter;
  private final double threshold;

  Goal(String figure, boolean higherIsBetter, double threshold) {
    this.figure = figure;
    this.higherIsBetter = higherIsBetter;
    this.threshold = threshold;
  }

  /** The target as written in the report, such as {@code ">= 0.8"}. */
  String target() {
    return (higherIsBetter ? ">= " : "<= ") + Report.f(threshold);
  }

  boolean met(double measured) {
    return higherIsBetter ? measured >= threshold : measured <= threshold;
  }

  /** The target beside a figure in a section of the report: {@code "<= 1.30: met"}. */
  String verdict(double measured) {
    return target() + (met(measured) ? ": met" : ": **missed**");
  }

  /** This target as a run measured it ({@code NaN}: not measured), with the figures behind it. */
  Target measured(double ratio, String figures) {
    return new Target(figure, target(), ratio, met(ratio), figures);
  }
}
