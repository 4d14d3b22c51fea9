package dev.sessionflow.activities.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Schema 11.1 on a database of older code: each survey keeps answering under the link its end user
 * got, while the store forgets the token (on H2, or in a schema of its own on PostgreSQL under the
 * Maven profile {@code postgres}).
 */
class SurveyTokenHashMigrationTest {
  private static final String LEGACY_TOKEN = "Lq3x2W9cUuYV1rZbX0n8dKf4pT6sJ7aQ";

  @Test
  void existingSurveysAnswerUnderTheirOldLinkAndTheStoreKeepsOnlyItsHash() {
    String schema = "migration_" + UUID.randomUUID().toString().substring(0, 8);
    DriverManagerDataSource db = database();
    FluentConfiguration flyway =
        Flyway.configure()
            .dataSource(db)
            .schemas(schema)
            .cleanDisabled(false)
            .locations("classpath:db/migration")
            .javaMigrations(new SurveyTokenHashMigration());
    try {
      flyway.target("11").load().migrate();
      JdbcClient jdbc = JdbcClient.create(db);
      jdbc.sql(
              "insert into "
                  + schema
                  + ".surveys (survey_token, session_id, ticket_id, sent_at, expires_at)"
                  + " values (:token, 's-1', '1001', current_timestamp, current_timestamp)")
          .param("token", LEGACY_TOKEN)
          .update();
      jdbc.sql(
              "insert into "
                  + schema
                  + ".messages (conversation_id, message_id, session_id, author, kind, text,"
                  + " survey_token, sent_at) values ('c-1', 's-1-csat', 's-1', 'SYSTEM',"
                  + " 'CSAT_INVITATION', 'How did we do?', :token, current_timestamp)")
          .param("token", LEGACY_TOKEN)
          .update();

      flyway.target("latest").load().migrate();

      List<Map<String, Object>> surveys =
          jdbc.sql("select * from " + schema + ".surveys").query().listOfRows();
      List<Map<String, Object>> messages =
          jdbc.sql("select * from " + schema + ".messages").query().listOfRows();
      assertThat(surveys.toString() + messages).doesNotContain(LEGACY_TOKEN);
      assertThat(surveys).singleElement().satisfies(s -> assertHashed(s, messages));
    } finally {
      flyway.target("latest").load().clean();
    }
  }

  private static void assertHashed(Map<String, Object> survey, List<Map<String, Object>> messages) {
    assertThat(survey.get("token_hash")).isEqualTo(SurveyTokens.hash(LEGACY_TOKEN));
    assertThat((String) survey.get("survey_id")).startsWith("sv-");
    assertThat(messages)
        .singleElement()
        .extracting(m -> m.get("survey_id"))
        .isEqualTo(survey.get("survey_id"));
  }

  /** The store tests' database: PostgreSQL under the postgres profile, else a fresh H2. */
  private static DriverManagerDataSource database() {
    String postgres = System.getProperty("sessionflow.test.postgres.url");
    if (postgres != null) {
      return new DriverManagerDataSource(
          postgres,
          System.getProperty("sessionflow.test.postgres.user"),
          System.getProperty("sessionflow.test.postgres.password"));
    }
    return new DriverManagerDataSource(
        "jdbc:h2:mem:migration-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "sa",
        "");
  }
}
