package dev.sessionflow.activities.support;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Crashes injected by the tests where the store and Temporal meet, so that they need not hope for
 * timing: with {@code sessionflow.test.crash-at=after-close:2}, the JVM halts (as a SIGKILL would)
 * right after the second close the store commits. Off unless set; refused under {@code prod}.
 */
@Component
public class CrashPoints {
  private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

  private final String point;
  private final int nth;
  private final AtomicInteger reached = new AtomicInteger();

  public CrashPoints(@Value("${sessionflow.test.crash-at:}") String spec, Environment environment) {
    if (spec.isBlank()) {
      this.point = null;
      this.nth = 0;
      return;
    }
    if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
      throw new IllegalStateException(
          "sessionflow.test.crash-at is for tests only, not under prod");
    }
    String[] parts = spec.split(":");
    this.point = parts[0];
    this.nth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
    log.warn("test crash point set: the JVM halts at the {}th {}", nth, point);
  }

  /** Halts the JVM when this is the point, and the time, the test asked for. */
  public void reached(String name) {
    if (name.equals(point) && reached.incrementAndGet() == nth) {
      log.error("test crash point {} reached: halting", name);
      Runtime.getRuntime().halt(137);
    }
  }
}
