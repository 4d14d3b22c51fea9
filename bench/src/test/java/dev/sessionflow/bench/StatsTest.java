package dev.sessionflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void percentilesByNearestRank() {
    List<Double> values = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      values.add((double) i);
    }

    Stats stats = Stats.of(values);

    assertThat(stats.p50()).isEqualTo(50.0);
    assertThat(stats.p99()).isEqualTo(99.0);
    assertThat(stats.max()).isEqualTo(100.0);
    assertThat(stats.mean()).isEqualTo(50.5);
  }

  @Test
  void fewValuesAndNone() {
    assertThat(Stats.of(List.of(3.0, 1.0)).p99()).isEqualTo(3.0);
    assertThat(Stats.of(List.of(3.0, 1.0)).p50()).isEqualTo(1.0);
    assertThat(Stats.of(List.of()).count()).isZero();
  }
}
