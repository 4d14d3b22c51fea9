package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Metrics and info: public on a separate management port, ADMIN on the API's port. */
class MetricsAccessTest {

  @Test
  void onTheApiPortMetricsNeedAnAdmin() {
    assertThat(SecurityConfig.metricsPublic(new MockEnvironment())).isFalse();
    assertThat(
            SecurityConfig.metricsPublic(
                new MockEnvironment()
                    .withProperty("server.port", "8080")
                    .withProperty("management.server.port", "8080")))
        .isFalse();
  }

  @Test
  void onASeparateManagementPortTheyArePublic() {
    assertThat(
            SecurityConfig.metricsPublic(
                new MockEnvironment()
                    .withProperty("server.port", "8080")
                    .withProperty("management.server.port", "9090")))
        .isTrue();
  }

  @Test
  void aSettingDecidesEitherWay() {
    assertThat(
            SecurityConfig.metricsPublic(
                new MockEnvironment()
                    .withProperty("management.server.port", "9090")
                    .withProperty("sessionflow.auth.metrics-public", "false")))
        .isFalse();
    assertThat(
            SecurityConfig.metricsPublic(
                new MockEnvironment().withProperty("sessionflow.auth.metrics-public", "true")))
        .isTrue();
  }
}
