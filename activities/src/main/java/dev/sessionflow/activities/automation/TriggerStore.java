package dev.sessionflow.activities.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sessionflow.activities.support.LimitReachedException;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.tickets.EnabledTriggers;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TriggerConditions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account's triggers, in evaluation order. Validated on every write. */
@Repository
public class TriggerStore implements EnabledTriggers {
  static final int MAX_TRIGGERS = 100;

  /** How a trigger's definition is kept: its conditions and actions. */
  record Definition(TriggerConditions conditions, List<TicketAction> actions) {}

  private static final TypeReference<Definition> DEFINITION = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final Clock clock;

  public TriggerStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Adds a trigger; without a position it goes last. */
  public StoredTrigger create(
      String name,
      boolean enabled,
      Integer position,
      TriggerConditions conditions,
      List<TicketAction> actions) {
    AutomationRules.checkTrigger(name, conditions, actions);
    if (count() >= MAX_TRIGGERS) {
      throw new LimitReachedException(
          "At most " + MAX_TRIGGERS + " triggers: delete one before adding another");
    }
    String id =
        Long.toString(jdbc.sql("select nextval('trigger_number')").query(Long.class).single());
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into triggers (trigger_id, name, enabled, position, definition_json,
              created_at, updated_at)
            values (:id, :name, :enabled, :position, :json, :now, :now)
            """)
        .param("id", id)
        .param("name", name.strip())
        .param("enabled", enabled)
        .param("position", position != null ? position : nextPosition())
        .param("json", Json.write(new Definition(conditions, actions)))
        .param("now", Times.db(now))
        .update();
    return find(id).orElseThrow();
  }

  /** Replaces a trigger; empty if there is no such trigger. A null position keeps its place. */
  public Optional<StoredTrigger> replace(
      String triggerId,
      String name,
      boolean enabled,
      Integer position,
      TriggerConditions conditions,
      List<TicketAction> actions) {
    AutomationRules.checkTrigger(name, conditions, actions);
    int updated =
        jdbc.sql(
                """
                update triggers set name = :name, enabled = :enabled,
                  position = coalesce(:position, position), definition_json = :json,
                  updated_at = :now
                where trigger_id = :id
                """)
            .param("id", triggerId)
            .param("name", name.strip())
            .param("enabled", enabled)
            .param("position", position)
            .param("json", Json.write(new Definition(conditions, actions)))
            .param("now", Times.db(clock.instant()))
            .update();
    return updated == 0 ? Optional.empty() : find(triggerId);
  }

  public boolean delete(String triggerId) {
    return jdbc.sql("delete from triggers where trigger_id = :id").param("id", triggerId).update()
        == 1;
  }

  public Optional<StoredTrigger> find(String triggerId) {
    return jdbc.sql("select * from triggers where trigger_id = :id")
        .param("id", triggerId)
        .query(TriggerStore::map)
        .optional();
  }

  /** Every trigger, in evaluation order. */
  public List<StoredTrigger> list() {
    return jdbc.sql("select * from triggers order by position, trigger_id")
        .query(TriggerStore::map)
        .list();
  }

  /** The enabled triggers, in evaluation order. */
  public List<StoredTrigger> enabled() {
    return list().stream().filter(StoredTrigger::enabled).toList();
  }

  /** Cheap check before a session starts a run for its settlement. */
  @Override
  public boolean anyEnabled() {
    return jdbc.sql("select count(*) from triggers where enabled").query(Long.class).single() > 0;
  }

  private long count() {
    return jdbc.sql("select count(*) from triggers").query(Long.class).single();
  }

  /** After the last, or beside it once positions reach the end of their range. */
  private int nextPosition() {
    return jdbc.sql("select least(coalesce(max(position), 0), :last) + 1 from triggers")
        .param("last", AutomationRules.MAX_POSITION - 1)
        .query(Integer.class)
        .single();
  }

  private static StoredTrigger map(ResultSet rs, int row) throws SQLException {
    Definition definition = Json.read(rs.getString("definition_json"), DEFINITION);
    return new StoredTrigger(
        rs.getString("trigger_id"),
        rs.getString("name"),
        rs.getBoolean("enabled"),
        rs.getInt("position"),
        definition.conditions(),
        definition.actions(),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "updated_at"));
  }
}
