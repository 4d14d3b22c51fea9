package dev.sessionflow.workflows.session;

import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.StatsReporter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A metrics reporter for workflow tests: keeps every timer recorded under one name, and the total
 * of every counter.
 */
final class RecordedMetrics implements StatsReporter {
  private final String name;
  final List<Duration> recorded = new CopyOnWriteArrayList<>();
  private final Map<String, Long> counters = new ConcurrentHashMap<>();

  RecordedMetrics(String timerName) {
    this.name = timerName;
  }

  /**
   * The total counted under {@code counter}, once it is {@code expected} or after 5 s (counters are
   * reported every 10 ms, not at once).
   */
  long counted(String counter, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (counters.getOrDefault(counter, 0L) != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return counters.getOrDefault(counter, 0L);
  }

  @Override
  public void reportTimer(String timer, Map<String, String> tags, com.uber.m3.util.Duration d) {
    if (timer.equals(name)) {
      recorded.add(Duration.ofNanos(d.getNanos()));
    }
  }

  @Override
  public void reportCounter(String counter, Map<String, String> tags, long value) {
    counters.merge(counter, value, Long::sum);
  }

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
