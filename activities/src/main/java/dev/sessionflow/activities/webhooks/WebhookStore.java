package dev.sessionflow.activities.webhooks;

import dev.sessionflow.activities.support.Times;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook receivers. Callers own the transaction. */
@Repository
public class WebhookStore {
  private final JdbcClient jdbc;
  private final Clock clock;

  public WebhookStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Webhook> all() {
    return jdbc.sql("select * from webhooks order by created_at, hook_id").query(this::map).list();
  }

  public Optional<Webhook> find(String hookId) {
    return jdbc.sql("select * from webhooks where hook_id = :id")
        .param("id", hookId)
        .query(this::map)
        .optional();
  }

  /**
   * Replaces the receivers. One that keeps its URL and events keeps its id, so deliveries already
   * under way still find it.
   */
  public void replaceAll(List<Webhook> wanted) {
    List<Webhook> existing = all();
    jdbc.sql("delete from webhooks").update();
    for (Webhook w : wanted) {
      String id =
          existing.stream()
              .filter(e -> e.url().equals(w.url()) && e.events().equals(w.events()))
              .map(Webhook::hookId)
              .findFirst()
              .orElse("wh-" + UUID.randomUUID().toString().substring(0, 8));
      jdbc.sql(
              """
              insert into webhooks (hook_id, url, secret, events, created_at)
              values (:id, :url, :secret, :events, :now)
              """)
          .param("id", id)
          .param("url", w.url())
          .param("secret", w.secret())
          .param("events", String.join(",", w.events()))
          .param("now", Times.db(clock.instant()))
          .update();
    }
  }

  private Webhook map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Webhook(
        rs.getString("hook_id"),
        rs.getString("url"),
        rs.getString("secret"),
        new LinkedHashSet<>(Arrays.asList(rs.getString("events").split(","))));
  }
}
