package dev.sessionflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TemporalModeEnvironmentPostProcessorTest {
  private final TemporalModeEnvironmentPostProcessor processor =
      new TemporalModeEnvironmentPostProcessor();

  @Test
  void withoutAnAddressTemporalRunsInProcess() {
    MockEnvironment env = new MockEnvironment();
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("spring.temporal.test-server.enabled")).isEqualTo("true");
    assertThat(env.getProperty("spring.temporal.connection.target")).isNull();
  }

  @Test
  void anAddressPointsAtARealServer() {
    MockEnvironment env = new MockEnvironment().withProperty("TEMPORAL_ADDRESS", " temporal:7233 ");
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("spring.temporal.test-server.enabled")).isEqualTo("false");
    assertThat(env.getProperty("spring.temporal.connection.target")).isEqualTo("temporal:7233");
    assertThat(env.getProperty("spring.temporal.connection.enable-https")).isNull();
  }

  @Test
  void anApiKeyConnectsToTemporalCloudOverTls() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("TEMPORAL_ADDRESS", "ns.acct.tmprl.cloud:7233")
            .withProperty("TEMPORAL_API_KEY", "key-1");
    processor.postProcessEnvironment(env, new SpringApplication());
    assertThat(env.getProperty("spring.temporal.connection.api-key")).isEqualTo("key-1");
    assertThat(env.getProperty("spring.temporal.connection.enable-https")).isEqualTo("true");
  }
}
