package dev.sessionflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateTest {

  private static Instant at(long millis) {
    return Instant.ofEpochMilli(1_700_000_000_000L + millis);
  }

  @Test
  void countsByWholeSecondFromTheFirstToTheLastWithTheQuietSecondsAsZero() {
    Rate rate = Rate.of(List.of(at(2_500), at(0), at(999), at(1_000), at(3_999)));

    assertThat(rate.first()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(rate.perSecond()).containsExactly(2, 1, 1, 1);
    assertThat(rate.total()).isEqualTo(5);
    assertThat(rate.seconds()).isEqualTo(4);
  }

  @Test
  void thePeakIsTheBusiestSecondAndTheWindowTheBusiestRunOfSeconds() {
    // 1 per second for 30 s, one second of 20 at 5 s, then 8 per second from 15 s to 24 s
    List<Instant> times = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      int n = s == 5 ? 20 : s >= 15 && s < 25 ? 8 : 1;
      for (int k = 0; k < n; k++) {
        times.add(at(s * 1000L + k));
      }
    }

    Rate rate = Rate.of(times);

    assertThat(rate.peak()).isEqualTo(20.0);
    assertThat(rate.bestWindow(10)).isEqualTo(8.0); // 15..24, not the window with the spike (2.9)
    assertThat(rate.bestWindow(1)).isEqualTo(20.0);
  }

  @Test
  void aSeriesShorterThanTheWindowIsOneWindow() {
    Rate rate = Rate.of(List.of(at(0), at(100), at(1_100)));

    assertThat(rate.bestWindow(10)).isEqualTo(0.3);
    assertThat(rate.peak()).isEqualTo(2.0);
  }

  @Test
  void nothingMeasuredIsNotAFigure() {
    Rate rate = Rate.of(List.of());

    assertThat(rate.measured()).isFalse();
    assertThat(rate.peak()).isNaN();
    assertThat(rate.bestWindow(10)).isNaN();
  }
}
