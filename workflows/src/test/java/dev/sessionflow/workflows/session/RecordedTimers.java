package dev.sessionflow.workflows.session;

import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.StatsReporter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A metrics reporter for workflow tests that keeps every timer recorded under one name. */
final class RecordedTimers implements StatsReporter {
  private final String name;
  final List<Duration> recorded = new CopyOnWriteArrayList<>();

  RecordedTimers(String name) {
    this.name = name;
  }

  @Override
  public void reportTimer(String timer, Map<String, String> tags, com.uber.m3.util.Duration d) {
    if (timer.equals(name)) {
      recorded.add(Duration.ofNanos(d.getNanos()));
    }
  }

  @Override
  public void reportCounter(String counter, Map<String, String> tags, long value) {}

  @Override
  public void reportGauge(String gauge, Map<String, String> tags, double value) {}

  @Override
  public void reportHistogramValueSamples(
      String histogram,
      Map<String, String> tags,
      Buckets buckets,
      double lower,
      double upper,
      long samples) {}

  @Override
  public void reportHistogramDurationSamples(
      String histogram,
      Map<String, String> tags,
      Buckets buckets,
      com.uber.m3.util.Duration lower,
      com.uber.m3.util.Duration upper,
      long samples) {}

  @Override
  public Capabilities capabilities() {
    return CapableOf.REPORTING;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
