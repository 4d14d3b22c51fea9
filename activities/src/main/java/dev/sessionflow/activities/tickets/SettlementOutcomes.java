package dev.sessionflow.activities.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.activities.SettleOutcome;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outcome of each settlement as it was first answered, so that a retry answers the same (as a
 * repeated survey does). Callers own the transaction.
 */
@Repository
public class SettlementOutcomes {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final JdbcClient jdbc;
  private final Clock clock;

  public SettlementOutcomes(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void record(String sessionId, int round, SettleOutcome outcome) {
    jdbc.sql(
            """
            insert into settlement_outcomes (session_id, round, outcome_json, at)
            values (:session, :round, :json, :at)
            on conflict do nothing
            """)
        .param("session", sessionId)
        .param("round", round)
        .param("json", write(outcome))
        .param("at", Times.db(clock.instant()))
        .update();
  }

  public Optional<SettleOutcome> first(String sessionId, int round) {
    return jdbc.sql(
            "select outcome_json from settlement_outcomes where session_id = :session"
                + " and round = :round")
        .param("session", sessionId)
        .param("round", round)
        .query(String.class)
        .optional()
        .map(SettlementOutcomes::read);
  }

  private static String write(SettleOutcome outcome) {
    try {
      return JSON.writeValueAsString(outcome);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SettleOutcome read(String json) {
    try {
      return JSON.readValue(json, SettleOutcome.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
