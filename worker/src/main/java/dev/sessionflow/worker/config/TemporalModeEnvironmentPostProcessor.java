package dev.sessionflow.worker.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the Temporal server: {@code TEMPORAL_ADDRESS} (host:port) points the service at a real
 * server; without it the service runs Temporal in-process (the SDK's test server, for trying the
 * service out), so that the run command works on a machine with nothing installed.
 */
public class TemporalModeEnvironmentPostProcessor implements EnvironmentPostProcessor {
  static final String ADDRESS = "TEMPORAL_ADDRESS";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String address = env.getProperty(ADDRESS);
    boolean embedded = address == null || address.isBlank();
    Map<String, Object> mode =
        embedded
            ? Map.of("spring.temporal.test-server.enabled", true)
            : Map.of(
                "spring.temporal.test-server.enabled",
                false,
                "spring.temporal.connection.target",
                address.trim());
    env.getPropertySources().addFirst(new MapPropertySource("sessionflowTemporalMode", mode));
  }
}
