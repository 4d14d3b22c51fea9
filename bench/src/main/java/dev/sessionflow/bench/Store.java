package dev.sessionflow.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The service's ticket store in a run: PostgreSQL, as in production (a schema of its own in the
 * database {@code SESSIONFLOW_BENCH_POSTGRES_URL} names, by default the one {@code .ci/postgres.sh}
 * creates; dropped at the end), or an H2 file, the secondary column.
 */
final class Store implements AutoCloseable {
  enum Kind {
    POSTGRES,
    H2_FILE
  }

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/sessionflow";

  final Kind kind;
  private final Map<String, String> env;
  private final String schema;

  private Store(Kind kind, Map<String, String> env, String schema) {
    this.kind = kind;
    this.env = env;
    this.schema = schema;
  }

  static Store postgres(String name) {
    String url = setting("SESSIONFLOW_BENCH_POSTGRES_URL", DEFAULT_URL);
    String user = setting("SESSIONFLOW_BENCH_POSTGRES_USER", "sessionflow");
    String password = setting("SESSIONFLOW_BENCH_POSTGRES_PASSWORD", "sessionflow");
    String schema = "bench_" + ProcessHandle.current().pid() + "_" + name.replaceAll("\\W", "_");
    execute(url, user, password, "create schema " + schema);
    return new Store(
        Kind.POSTGRES,
        Map.of(
            "SPRING_DATASOURCE_URL",
            url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
            "SPRING_DATASOURCE_USERNAME",
            user,
            "SPRING_DATASOURCE_PASSWORD",
            password),
        schema);
  }

  static Store h2File(Path dir, String name) {
    return new Store(
        Kind.H2_FILE,
        Map.of(
            "SPRING_DATASOURCE_URL",
            "jdbc:h2:file:"
                + dir.resolve(name + "-tickets")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0"),
        null);
  }

  /** The service's environment for this store. */
  Map<String, String> env() {
    return env;
  }

  /**
   * When each ended session ended, by session ID, read straight from the PostgreSQL store in one
   * statement: a harness that asked the service for each session would load the machine it
   * measures.
   */
  Map<String, java.time.Instant> endedAt() {
    if (schema == null) {
      throw new IllegalStateException("the end times are read from a PostgreSQL store");
    }
    Map<String, java.time.Instant> ended = new java.util.HashMap<>();
    try (Connection c =
            DriverManager.getConnection(
                postgresUrl(),
                setting("SESSIONFLOW_BENCH_POSTGRES_USER", "sessionflow"),
                setting("SESSIONFLOW_BENCH_POSTGRES_PASSWORD", "sessionflow"));
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "select session_id, ended_at from "
                    + schema
                    + ".sessions where ended_at is not null")) {
      while (rs.next()) {
        ended.put(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the end times: " + e.getMessage(), e);
    }
    return ended;
  }

  /** Where a run's PostgreSQL store is, for the report. */
  static String postgresUrl() {
    return setting("SESSIONFLOW_BENCH_POSTGRES_URL", DEFAULT_URL);
  }

  @Override
  public void close() {
    if (schema != null) {
      execute(
          postgresUrl(),
          setting("SESSIONFLOW_BENCH_POSTGRES_USER", "sessionflow"),
          setting("SESSIONFLOW_BENCH_POSTGRES_PASSWORD", "sessionflow"),
          "drop schema if exists " + schema + " cascade");
    }
  }

  private static void execute(String url, String user, String password, String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at "
              + url
              + " (bash .ci/postgres.sh starts one; SESSIONFLOW_BENCH_POSTGRES_URL names another): "
              + e.getMessage(),
          e);
    }
  }

  private static String setting(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
