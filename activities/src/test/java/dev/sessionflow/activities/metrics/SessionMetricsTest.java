package dev.sessionflow.activities.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A caller must not mint metric series: every label comes from a bounded set, else OTHER. */
class SessionMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SessionMetrics metrics =
      new SessionMetrics(registry, new MetricsProperties(List.of("RESOLVED", "ESCALATED")));

  private long series(String name) {
    return registry.getMeters().stream()
        .map(Meter::getId)
        .filter(id -> id.getName().equals(name))
        .count();
  }

  @Test
  void endReasonsOutsideTheConfiguredListAreCountedAsOther() {
    for (int i = 0; i < 100; i++) {
      metrics.sessionEnded("AGENT", "made-up-" + i);
    }
    metrics.sessionEnded("AGENT", "RESOLVED");
    metrics.sessionEnded("SYSTEM", "INACTIVITY");
    metrics.sessionEnded("nobody", "RESOLVED");

    assertThat(series("sessionflow.sessions.ended")).isEqualTo(4);
    assertThat(registry.get("sessionflow.sessions.ended").tag("reason", "OTHER").counter().count())
        .isEqualTo(100);
    assertThat(
            registry
                .get("sessionflow.sessions.ended")
                .tags("ended_by", "SYSTEM", "reason", "INACTIVITY")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("sessionflow.sessions.ended")
                .tags("ended_by", "OTHER", "reason", "RESOLVED")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void ratingsAndCausesAreBounded() {
    for (int i = -50; i < 50; i++) {
      metrics.csatAnswered(i);
      metrics.settleFailed("Cause" + i);
    }
    assertThat(series("sessionflow.csat.answered")).isEqualTo(11);
    assertThat(series("sessionflow.tickets.settle.failures")).isEqualTo(1);
  }
}
