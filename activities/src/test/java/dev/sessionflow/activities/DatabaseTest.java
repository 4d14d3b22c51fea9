package dev.sessionflow.activities;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.JdbcUtils;

/** The suite runs on the database it was asked for, with the schema Flyway just built. */
class DatabaseTest extends StoreTestBase {
  @Autowired DataSource dataSource;
  @Autowired Flyway flyway;

  @Test
  void runsOnTheDatabaseItWasAskedFor() throws Exception {
    String product =
        JdbcUtils.extractDatabaseMetaData(
            dataSource, metaData -> metaData.getDatabaseProductName());
    String postgresUrl = System.getProperty("sessionflow.test.postgres.url");
    if (postgresUrl != null) {
      assertThat(product).isEqualTo("PostgreSQL");
    } else {
      assertThat(product).isEqualTo("H2");
    }
    System.out.println("store tests run on " + product);
  }

  @Test
  void theSchemaIsMigratedToTheLatestVersion() {
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().applied())
        .isNotEmpty()
        .extracting(MigrationInfo::getState)
        .containsOnly(MigrationState.SUCCESS);
  }
}
