package dev.sessionflow.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many things happened in each second (closes, completions): counts by whole second of the
 * epoch from the first to the last, with the busiest second and the busiest window of a few
 * seconds, whose average is less noisy than one second's count.
 */
record Rate(Instant first, List<Integer> perSecond) {

  /** The window the less noisy peak is averaged over, in seconds. */
  static final int WINDOW = 10;

  static Rate of(List<Instant> times) {
    if (times.isEmpty()) {
      return new Rate(null, List.of());
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Instant t : times) {
      min = Math.min(min, t.getEpochSecond());
      max = Math.max(max, t.getEpochSecond());
    }
    int[] counts = new int[(int) (max - min + 1)];
    for (Instant t : times) {
      counts[(int) (t.getEpochSecond() - min)]++;
    }
    List<Integer> series = new ArrayList<>(counts.length);
    for (int c : counts) {
      series.add(c);
    }
    return new Rate(Instant.ofEpochSecond(min), List.copyOf(series));
  }

  boolean measured() {
    return !perSecond.isEmpty();
  }

  int total() {
    return perSecond.stream().mapToInt(Integer::intValue).sum();
  }

  /** The busiest second's count; NaN when nothing was measured. */
  double peak() {
    return perSecond.isEmpty() ? Double.NaN : bestWindow(1);
  }

  /** The highest average per second over {@link #WINDOW} consecutive seconds. */
  double bestWindow() {
    return bestWindow(WINDOW);
  }

  /**
   * The highest average per second over {@code seconds} consecutive seconds. A series shorter than
   * the window is one window: everything in it, over the window's length.
   */
  double bestWindow(int seconds) {
    if (perSecond.isEmpty()) {
      return Double.NaN;
    }
    int sum = 0;
    int best = 0;
    for (int i = 0; i < perSecond.size(); i++) {
      sum += perSecond.get(i);
      if (i >= seconds) {
        sum -= perSecond.get(i - seconds);
      }
      best = Math.max(best, sum);
    }
    return (double) best / seconds;
  }

  /** How long from the first to the last, in seconds (whole seconds, both counted). */
  int seconds() {
    return perSecond.size();
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", total());
    m.put("peakPerSecond", peak());
    m.put("best" + WINDOW + "sWindowPerSecond", bestWindow());
    m.put("firstSecond", first == null ? null : first.toString());
    m.put("perSecond", perSecond);
    return m;
  }
}
