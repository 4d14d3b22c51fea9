package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket database refuses connections while sessions auto-close: they end and settle once it is
 * back, and nothing is settled twice.
 */
class DatabaseOutageIT extends RealServerTestBase {
  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageIT.class);
  private final int dbPort = Ports.free();
  private Server database;

  @Override
  protected Map<String, String> serviceEnv() {
    startDatabase();
    return Map.of(
        "TEMPORAL_ADDRESS",
        temporal.address(),
        "SPRING_DATASOURCE_URL",
        "jdbc:h2:tcp://127.0.0.1:"
            + dbPort
            + "/"
            + dir.resolve("tickets")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
  }

  private void startDatabase() {
    try {
      database =
          Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-ifNotExists").start();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stopDatabase() {
    if (database != null) {
      database.stop();
    }
  }

  @Test
  void sessionsEndAndSettleOnceTheDatabaseIsBack() {
    api.put(
            "/api/v1/settings/messaging",
            ApiClient.ADMIN,
            "{\"inactiveAfter\":\"PT3S\",\"autoCloseAfter\":\"PT6S\",\"warnBeforeClose\":\"PT2S\"}")
        .expect(200);
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String sessionId = api.endUserSays("outage-" + i, "m-1", "Hi").get("sessionId").asText();
      api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Is there anything else?");
      sessions.add(sessionId);
    }

    database.stop();
    long down = System.nanoTime();
    api.get("/api/v1/sessions/" + sessions.get(0), ApiClient.ADMIN)
        .expectProblem(503, "unavailable");
    Ports.sleep(15_000); // warnings and auto-closes fall due and fail against the dead database
    startDatabase();
    log.info("database down for {} s", (System.nanoTime() - down) / 1_000_000_000);

    for (String sessionId : sessions) {
      ApiClient.await(
          Duration.ofSeconds(120),
          () ->
              "ENDED"
                  .equals(
                      retrying(() -> api.get("/api/v1/sessions/" + sessionId, ApiClient.ADMIN))
                          .json()
                          .path("status")
                          .asText()));
      JsonNode session = api.session(sessionId);
      assertThat(session.get("endReason").asText()).isEqualTo("INACTIVITY");
      String ticketId = session.get("ticketId").asText();
      ApiClient.await(
          Duration.ofSeconds(120),
          () ->
              "SOLVED"
                  .equals(
                      api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN)
                          .json()
                          .path("status")
                          .asText()));
      JsonNode audit = api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN).json().get("audit");
      assertThat(
              StreamSupport.stream(audit.spliterator(), false)
                  .filter(a -> "SETTLED".equals(a.get("kind").asText())))
          .hasSize(1);
      List<String> kinds = new ArrayList<>();
      api.transcript(session.get("conversationId").asText())
          .forEach(m -> kinds.add(m.path("kind").asText(m.get("author").asText())));
      // A warning whose moment passed during the outage is skipped: the session closes instead.
      assertThat(kinds)
          .isIn(
              List.of("END_USER", "AGENT", "INACTIVITY_WARNING", "SESSION_ENDED"),
              List.of("END_USER", "AGENT", "SESSION_ENDED"));
    }
  }
}
