package dev.sessionflow.activities;

import dev.sessionflow.activities.metrics.MetricsProperties;
import dev.sessionflow.activities.settings.SettingsDefaults;
import dev.sessionflow.activities.webhooks.WebhookProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The activities module on its own: a DataSource (H2 or PostgreSQL, see application.properties),
 * Flyway, JdbcClient and transactions, every store and activity implementation of the module, a
 * clock the tests move, and no Temporal.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
  DataSourceAutoConfiguration.class,
  DataSourceTransactionManagerAutoConfiguration.class,
  JdbcTemplateAutoConfiguration.class,
  JdbcClientAutoConfiguration.class,
  TransactionAutoConfiguration.class,
  FlywayAutoConfiguration.class
})
@ComponentScan(basePackageClasses = StoreTestApplication.class)
@EnableConfigurationProperties({
  SettingsDefaults.class,
  WebhookProperties.class,
  MetricsProperties.class
})
public class StoreTestApplication {

  @Bean
  TestClock clock() {
    return new TestClock(StoreTestBase.T0);
  }

  /** The payload key the data keys are wrapped under. */
  @Bean
  dev.sessionflow.workflows.codec.PayloadKeys payloadKeys() {
    return dev.sessionflow.workflows.codec.PayloadKeys.development();
  }

  /** For components of the module that count things (none of the tests reads it). */
  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  /** Stands in for the session workflows that automation ends and messages. */
  @Bean
  FakeSessionControl sessionControl(
      dev.sessionflow.activities.sessions.SessionStore sessions,
      dev.sessionflow.activities.tickets.TicketStore tickets,
      dev.sessionflow.activities.support.Transactions tx) {
    return new FakeSessionControl(sessions, tickets, tx);
  }

  /** A run starts from an empty schema, whatever an earlier run (or an older schema) left. */
  @Bean
  FlywayMigrationStrategy cleanThenMigrate() {
    return flyway -> {
      flyway.clean();
      flyway.migrate();
    };
  }
}
