package dev.sessionflow.activities.support;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * When development stand-ins (the README's tokens, development keys) may replace real
 * configuration: only when nothing is real, that is fully embedded (in-process Temporal and an
 * in-memory database) or with the {@code dev} profile, and never with {@code prod}.
 */
public final class DevelopmentMode {
  private DevelopmentMode() {}

  public static boolean allowed(Environment env) {
    boolean prod = Arrays.asList(env.getActiveProfiles()).contains("prod");
    boolean dev = Arrays.asList(env.getActiveProfiles()).contains("dev");
    return !prod && (dev || fullyEmbedded(env));
  }

  /** No Temporal server and no database of record: everything is lost when the service stops. */
  public static boolean fullyEmbedded(Environment env) {
    return env.getProperty("spring.temporal.test-server.enabled", Boolean.class, true)
        && env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:mem:");
  }
}
