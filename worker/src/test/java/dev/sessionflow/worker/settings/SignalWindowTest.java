package dev.sessionflow.worker.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The walk's window of signals in flight, fed round trips by hand. */
class SignalWindowTest {
  static final long QUICK = 5_000_000; // 5 ms: a server with room

  @Test
  void itStartsWithOneSignalInFlight() {
    assertThat(new SignalWindow(16).size()).isEqualTo(1);
  }

  @Test
  void itOpensUpToItsLimitWhileRoundTripsStayQuick() {
    SignalWindow window = new SignalWindow(16);

    for (int i = 0; i < 1_000; i++) {
      window.take();
      window.done(QUICK);
    }

    assertThat(window.size()).isEqualTo(16);
  }

  @Test
  void itHalvesOnceRoundTripsGrowPastTheQuickest() {
    SignalWindow window = open(16);

    window.take();
    window.done(QUICK * 5);
    window.take();
    window.done(QUICK * 5);

    assertThat(window.size()).isEqualTo(8);
  }

  @Test
  void itHalvesAtMostOncePerWindowOfRoundTrips() {
    SignalWindow window = open(16);

    for (int i = 0; i < 7; i++) {
      window.take();
      window.done(QUICK * 5);
    }

    assertThat(window.size()).isEqualTo(8);
  }

  @Test
  void aSlowServerKeepsItToOneSignalAtATime() {
    SignalWindow window = open(16);

    for (int i = 0; i < 1_000; i++) {
      window.take();
      window.done(QUICK * 10);
    }

    assertThat(window.size()).isEqualTo(1);
  }

  private static SignalWindow open(int limit) {
    SignalWindow window = new SignalWindow(limit);
    for (int i = 0; i < 1_000; i++) {
      window.take();
      window.done(QUICK);
    }
    assertThat(window.size()).isEqualTo(limit);
    return window;
  }
}
