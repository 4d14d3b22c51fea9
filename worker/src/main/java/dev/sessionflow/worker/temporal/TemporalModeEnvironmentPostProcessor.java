package dev.sessionflow.worker.temporal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the Temporal server: {@code TEMPORAL_ADDRESS} (host:port) points the service at a real
 * server; without it the service runs Temporal in-process (the SDK's test server, for trying the
 * service out), so that the run command works on a machine with nothing installed. {@code
 * TEMPORAL_API_KEY}, or {@code TEMPORAL_TLS_CERT} and {@code TEMPORAL_TLS_KEY}, connect to Temporal
 * Cloud ({@code TEMPORAL_TLS=true} for TLS without a client certificate).
 */
public class TemporalModeEnvironmentPostProcessor implements EnvironmentPostProcessor {
  static final String ADDRESS = "TEMPORAL_ADDRESS";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String address = env.getProperty(ADDRESS);
    boolean embedded = address == null || address.isBlank();
    Map<String, Object> mode = new HashMap<>();
    mode.put("spring.temporal.test-server.enabled", embedded);
    if (!embedded) {
      mode.put("spring.temporal.connection.target", address.trim());
      // Temporal Cloud: an API key (over TLS), or mTLS with a client certificate.
      putIfSet(env, mode, "TEMPORAL_API_KEY", "spring.temporal.connection.api-key");
      if (env.containsProperty("TEMPORAL_API_KEY")
          || "true".equals(env.getProperty("TEMPORAL_TLS"))) {
        mode.put("spring.temporal.connection.enable-https", true);
      }
      putIfSet(env, mode, "TEMPORAL_TLS_CERT", "spring.temporal.connection.mtls.cert-chain-file");
      putIfSet(env, mode, "TEMPORAL_TLS_KEY", "spring.temporal.connection.mtls.key-file");
    }
    env.getPropertySources().addFirst(new MapPropertySource("sessionflowTemporalMode", mode));
  }

  private static void putIfSet(
      ConfigurableEnvironment env, Map<String, Object> mode, String variable, String property) {
    String value = env.getProperty(variable);
    if (value != null && !value.isBlank()) {
      mode.put(property, value.trim());
    }
  }
}
