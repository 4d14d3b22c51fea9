package dev.sessionflow.activities.csat;

import dev.sessionflow.activities.support.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Schema version 11.1: the store keeps no survey token, only its SHA-256 hash. A survey gets a
 * random id (messages name it instead of the token), and each existing token is replaced by its
 * hash, so that links already sent to end users still answer their surveys. Those older links are
 * no longer shown in the channel's transcript: they were random, not derived from the survey id,
 * and the store no longer holds them. In Java because H2 and PostgreSQL hash differently in SQL;
 * Spring Boot hands this bean to Flyway.
 */
@Component
class SurveyTokenHashMigration implements JavaMigration {
  private static final List<String> BEFORE =
      List.of(
          "alter table surveys rename column survey_token to survey_id",
          "alter table surveys add column token_hash varchar(64)",
          "alter table messages rename column survey_token to survey_id");
  private static final List<String> AFTER =
      List.of(
          "alter table surveys alter column token_hash set not null",
          "alter table surveys add constraint survey_token_hashes unique (token_hash)");

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("11.1");
  }

  @Override
  public String getDescription() {
    return "survey token hashes";
  }

  @Override
  public Integer getChecksum() {
    return 1101;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    execute(connection, BEFORE);
    List<String> tokens = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("select survey_id from surveys")) {
      while (rows.next()) {
        tokens.add(rows.getString(1));
      }
    }
    try (PreparedStatement survey =
            connection.prepareStatement(
                "update surveys set survey_id = ?, token_hash = ? where survey_id = ?");
        PreparedStatement message =
            connection.prepareStatement("update messages set survey_id = ? where survey_id = ?")) {
      for (String token : tokens) {
        String id = Ids.surveyId();
        survey.setString(1, id);
        survey.setString(2, SurveyTokens.hash(token));
        survey.setString(3, token);
        survey.executeUpdate();
        message.setString(1, id);
        message.setString(2, token);
        message.executeUpdate();
      }
    }
    execute(connection, AFTER);
  }

  private static void execute(Connection connection, List<String> statements) throws Exception {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
