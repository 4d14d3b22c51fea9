package dev.sessionflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Percentiles by nearest rank, in the unit the values came in. */
public record Stats(int count, double p50, double p99, double max, double mean) {

  public static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Stats(
        sorted.size(),
        rank(sorted, 50),
        rank(sorted, 99),
        sorted.get(sorted.size() - 1),
        sum / sorted.size());
  }

  static double rank(List<Double> sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  public static double median(List<Double> values) {
    return of(values).p50();
  }

  public Map<String, Object> asMap() {
    return Map.of("count", count, "p50", p50, "p99", p99, "max", max, "mean", mean);
  }
}
