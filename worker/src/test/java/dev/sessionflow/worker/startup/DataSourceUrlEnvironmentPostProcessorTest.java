package dev.sessionflow.worker.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DataSourceUrlEnvironmentPostProcessorTest {
  private final DataSourceUrlEnvironmentPostProcessor processor =
      new DataSourceUrlEnvironmentPostProcessor();

  private String processed(String url) {
    MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", url);
    processor.postProcessEnvironment(env, new SpringApplication());
    return env.getProperty("spring.datasource.url");
  }

  @Test
  void aPlainH2UrlGetsTheModesItNeeds() {
    assertThat(processed("jdbc:h2:file:./data/x"))
        .isEqualTo(
            "jdbc:h2:file:./data/x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=0");
    assertThat(processed("jdbc:h2:file:./data/x;mode=postgresql;AUTO_SERVER=TRUE"))
        .isEqualTo(
            "jdbc:h2:file:./data/x;mode=postgresql;AUTO_SERVER=TRUE;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    assertThat(processed("jdbc:h2:./data/x;WRITE_DELAY=0")).containsOnlyOnce("WRITE_DELAY=0");
  }

  @Test
  void aFileDatabaseThatWouldDelayItsWritesIsRefused() {
    // H2 flushes a commit up to WRITE_DELAY ms later: a message answered 202 would be lost by a
    // crash in between.
    assertThatThrownBy(() -> processed("jdbc:h2:file:./data/x;WRITE_DELAY=500"))
        .hasMessageContaining("WRITE_DELAY=0");
  }

  @Test
  void theEmbeddedDefaultAndPostgresqlAreLeftAlone() {
    String embedded =
        "jdbc:h2:mem:sessionflow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
            + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    assertThat(processed(embedded)).isEqualTo(embedded);
    assertThat(processed("jdbc:postgresql://db:5432/sf")).isEqualTo("jdbc:postgresql://db:5432/sf");
  }

  @Test
  void anUnusableUrlStopsTheStartNamingItAndTheFix() {
    assertThatThrownBy(() -> processed("jdbc:h2:file:./data/x;MODE=MySQL"))
        .hasMessageContaining("jdbc:h2:file:./data/x;MODE=MySQL")
        .hasMessageContaining("MODE=PostgreSQL");
    assertThatThrownBy(() -> processed("jdbc:mysql://db/sf?user=a&password=hunter2"))
        .hasMessageContaining("jdbc:mysql://db/sf")
        .hasMessageContaining("jdbc:postgresql://")
        .hasMessageNotContaining("hunter2");
  }
}
