package dev.sessionflow.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
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
    String url = postgresUrl();
    String schema = "bench_" + ProcessHandle.current().pid() + "_" + name.replaceAll("\\W", "_");
    execute("create schema " + schema);
    return new Store(
        Kind.POSTGRES,
        Map.of(
            "SPRING_DATASOURCE_URL",
            url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
            "SPRING_DATASOURCE_USERNAME",
            user(),
            "SPRING_DATASOURCE_PASSWORD",
            password()),
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
  Map<String, Instant> endedAt() {
    if (schema == null) {
      throw new IllegalStateException("the end times are read from a PostgreSQL store");
    }
    Map<String, Instant> ended = new HashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select session_id, ended_at from "
                    + schema
                    + ".sessions where ended_at is not null")) {
      while (rs.next()) {
        ended.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the end times: " + e.getMessage(), e);
    }
    return ended;
  }

  /**
   * Writes {@code sessions} ended sessions of the last six days, each with its conversation, its
   * ticket and {@code messages} messages a minute apart (end user first, then turn about); even
   * ones an agent ended 3 minutes after the last message, odd ones the clock 30 minutes after it.
   */
  void seedPastSessions(int sessions, int messages) {
    if (schema == null) {
      throw new IllegalStateException("past sessions are written to a PostgreSQL store");
    }
    String opened = "(now() - interval '6 days' + g * interval '5 seconds')";
    execute(
        ("insert into {s}.conversations (conversation_id, end_user_id, created_at)"
                + " select 'past-' || g, 'u-past-' || g, {o} from generate_series(1, {n}) g;"
                + " insert into {s}.tickets (ticket_id, status, conversation_id, session_id,"
                + " requester_id, created_at, updated_at) select 'p' || g, 'SOLVED', 'past-' || g,"
                + " 'past-s-' || g, 'u-past-' || g, {o}, {o} from generate_series(1, {n}) g;"
                + " insert into {s}.sessions (session_id, conversation_id, ticket_id, end_user_id,"
                + " status, ended_by, end_reason, ended_at, opened_at, updated_at)"
                + " select 'past-s-' || g, 'past-' || g, 'p' || g, 'u-past-' || g, 'ENDED',"
                + " case when g % 2 = 0 then 'AGENT' else 'SYSTEM' end,"
                + " case when g % 2 = 0 then 'RESOLVED' else 'INACTIVITY' end,"
                + " {o} + ({m} - 1) * interval '1 minute'"
                + " + case when g % 2 = 0 then interval '3 minutes' else interval '30 minutes' end,"
                + " {o}, {o} from generate_series(1, {n}) g;"
                + " insert into {s}.messages (conversation_id, message_id, session_id, author, text,"
                + " sent_at) select 'past-' || g, 'pm-' || g || '-' || k, 'past-s-' || g,"
                + " case when k % 2 = 0 then 'END_USER' else 'AGENT' end, 'past message',"
                + " {o} + k * interval '1 minute'"
                + " from generate_series(1, {n}) g cross join generate_series(0, {m} - 1) k;"
                + " analyze {s}.sessions; analyze {s}.messages")
            .replace("{s}", schema)
            .replace("{o}", opened)
            .replace("{n}", Integer.toString(sessions))
            .replace("{m}", Integer.toString(messages)));
  }

  /** Where a run's PostgreSQL store is, for the report. */
  static String postgresUrl() {
    return setting("SESSIONFLOW_BENCH_POSTGRES_URL", DEFAULT_URL);
  }

  @Override
  public void close() {
    if (schema != null) {
      execute("drop schema if exists " + schema + " cascade");
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(postgresUrl(), user(), password());
  }

  private static String user() {
    return setting("SESSIONFLOW_BENCH_POSTGRES_USER", "sessionflow");
  }

  private static String password() {
    return setting("SESSIONFLOW_BENCH_POSTGRES_PASSWORD", "sessionflow");
  }

  private static void execute(String sql) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at "
              + postgresUrl()
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
