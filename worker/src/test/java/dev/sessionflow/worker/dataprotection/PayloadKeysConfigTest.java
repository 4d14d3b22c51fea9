package dev.sessionflow.worker.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class PayloadKeysConfigTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private static MockEnvironment durable(String... profiles) {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("spring.temporal.test-server.enabled", "false")
            .withProperty("spring.datasource.url", "jdbc:postgresql://db/sessionflow");
    env.setActiveProfiles(profiles);
    return env;
  }

  @Test
  void keysComeFromTheEnvironmentOrAFileTheCurrentOneFirst(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys");
    Files.writeString(file, "k2:" + KEY + "\nk1:" + KEY + "\n");

    assertThat(PayloadKeysConfig.keys("k1:" + KEY, "", durable("prod")).currentId())
        .isEqualTo("k1");
    assertThat(PayloadKeysConfig.keys("", file.toString(), durable("prod")).currentId())
        .isEqualTo("k2");
  }

  @Test
  void withoutKeysOnlyDevelopmentStarts() {
    assertThatThrownBy(() -> PayloadKeysConfig.keys("", "", durable("prod")))
        .hasMessageContaining("Refusing to start")
        .hasMessageContaining("SESSIONFLOW_PAYLOAD_KEYS");
    assertThatThrownBy(() -> PayloadKeysConfig.keys("", "", durable()))
        .hasMessageContaining("Refusing to start");
    assertThat(PayloadKeysConfig.keys("", "", durable("dev")).developmentOnly()).isTrue();
  }

  @Test
  void aBadKeyOrAMissingFileIsNamedWithoutTheKey(@TempDir Path dir) {
    assertThatThrownBy(() -> PayloadKeysConfig.keys("k1:c2hvcnQ=", "", durable("prod")))
        .hasMessageContaining("payload key k1")
        .hasMessageNotContaining("c2hvcnQ");
    assertThatThrownBy(
            () -> PayloadKeysConfig.keys("", dir.resolve("none").toString(), durable("prod")))
        .hasMessageContaining("cannot be read");
  }
}
