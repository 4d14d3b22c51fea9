package dev.sessionflow.worker.temporal;

import dev.sessionflow.workflows.session.SessionSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process Temporal server of the default mode. Its clock must run in real time: with time
 * skipping on, one blocking call would fire every session's inactivity timers at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.temporal.test-server.enabled", havingValue = "true")
class EmbeddedTemporalConfig {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalConfig.class);

  @Bean
  TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> embeddedTemporalOptions() {
    return builder -> {
      log.warn(
          "No TEMPORAL_ADDRESS: running Temporal in-process (real time, no time skipping). "
              + "Sessions live in memory and are lost when the service stops; set "
              + "TEMPORAL_ADDRESS=host:port to use a Temporal server.");
      SessionSearchAttributes.ALL.forEach(
          key ->
              builder.registerSearchAttribute(
                  key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      return builder.setUseTimeskipping(false);
    };
  }
}
