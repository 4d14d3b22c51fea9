package dev.sessionflow.activities.automation;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.automation.ActionResult;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.Outcome;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcome of every applied step, by step key: what makes a retried step a no-op. */
@Repository
public class AutomationSteps {
  private final JdbcClient jdbc;
  private final Clock clock;

  public AutomationSteps(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<ActionResult> find(String stepKey, ActionType type) {
    return jdbc.sql("select outcome, detail from automation_steps where step_key = :key")
        .param("key", stepKey)
        .query(
            (rs, row) -> new ActionResult(type, Outcome.valueOf(rs.getString(1)), rs.getString(2)))
        .optional();
  }

  /** Records a step's outcome; a second record of the same step is ignored. */
  public void record(String stepKey, String ticketId, ActionResult result) {
    jdbc.sql(
            """
            insert into automation_steps (step_key, ticket_id, outcome, detail, at)
            values (:key, :ticket, :outcome, :detail, :at)
            on conflict do nothing
            """)
        .param("key", stepKey)
        .param("ticket", ticketId)
        .param("outcome", result.outcome().name())
        .param("detail", result.detail())
        .param("at", Times.db(clock.instant()))
        .update();
  }
}
