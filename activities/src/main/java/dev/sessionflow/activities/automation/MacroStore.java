package dev.sessionflow.activities.automation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sessionflow.activities.support.LimitReachedException;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.workflows.automation.TicketAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account's macros. Validated on every write: a stored macro is always applicable. */
@Repository
public class MacroStore {
  private static final TypeReference<List<TicketAction>> ACTIONS = new TypeReference<>() {};
  static final int MAX_MACROS = 500;

  private final JdbcClient jdbc;
  private final Clock clock;

  public MacroStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Macro create(String name, List<TicketAction> actions) {
    AutomationRules.checkMacro(name, actions);
    if (count() >= MAX_MACROS) {
      throw new LimitReachedException(
          "At most " + MAX_MACROS + " macros: delete one before adding another");
    }
    String id =
        Long.toString(jdbc.sql("select nextval('macro_number')").query(Long.class).single());
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into macros (macro_id, name, definition_json, created_at, updated_at)
            values (:id, :name, :json, :now, :now)
            """)
        .param("id", id)
        .param("name", name.strip())
        .param("json", Json.write(actions))
        .param("now", Times.db(now))
        .update();
    return find(id).orElseThrow();
  }

  /** Replaces a macro's name and actions; empty if there is no such macro. */
  public Optional<Macro> replace(String macroId, String name, List<TicketAction> actions) {
    AutomationRules.checkMacro(name, actions);
    int updated =
        jdbc.sql(
                """
                update macros set name = :name, definition_json = :json, updated_at = :now
                where macro_id = :id
                """)
            .param("id", macroId)
            .param("name", name.strip())
            .param("json", Json.write(actions))
            .param("now", Times.db(clock.instant()))
            .update();
    return updated == 0 ? Optional.empty() : find(macroId);
  }

  public boolean delete(String macroId) {
    return jdbc.sql("delete from macros where macro_id = :id").param("id", macroId).update() == 1;
  }

  public Optional<Macro> find(String macroId) {
    return jdbc.sql("select * from macros where macro_id = :id")
        .param("id", macroId)
        .query(MacroStore::map)
        .optional();
  }

  /** All macros by name. */
  public List<Macro> list() {
    return jdbc.sql("select * from macros order by name, macro_id").query(MacroStore::map).list();
  }

  private long count() {
    return jdbc.sql("select count(*) from macros").query(Long.class).single();
  }

  private static Macro map(ResultSet rs, int row) throws SQLException {
    return new Macro(
        rs.getString("macro_id"),
        rs.getString("name"),
        Json.read(rs.getString("definition_json"), ACTIONS),
        Times.instant(rs, "created_at"),
        Times.instant(rs, "updated_at"));
  }
}
