package dev.sessionflow.activities.webhooks;

import dev.sessionflow.activities.support.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook receivers, their secrets encrypted. Callers own the transaction. */
@Repository
public class WebhookStore {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final WebhookSecrets secrets;
  private final WebhookProperties properties;

  public WebhookStore(
      JdbcClient jdbc, Clock clock, WebhookSecrets secrets, WebhookProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.secrets = secrets;
    this.properties = properties;
  }

  public List<Webhook> all() {
    return jdbc.sql("select * from webhooks order by position, created_at, hook_id")
        .query(this::map)
        .list();
  }

  public Optional<Webhook> find(String hookId) {
    return jdbc.sql("select * from webhooks where hook_id = :id")
        .param("id", hookId)
        .query(this::map)
        .optional();
  }

  /** The secrets that sign a delivery now: the current one, then a replaced one in its overlap. */
  public List<String> signingSecrets(String hookId) {
    return jdbc.sql(
            "select secret, previous_secret, previous_secret_until from webhooks where hook_id = :id")
        .param("id", hookId)
        .query(
            (rs, row) -> {
              List<String> list = new ArrayList<>();
              list.add(secrets.decrypt(rs.getString("secret")));
              String previous = rs.getString("previous_secret");
              Instant until = Times.instant(rs, "previous_secret_until");
              if (previous != null && until != null && until.isAfter(clock.instant())) {
                list.add(secrets.decrypt(previous));
              }
              return list;
            })
        .optional()
        .orElse(List.of());
  }

  /**
   * Replaces the receivers. One that keeps its URL and events keeps its id, so deliveries already
   * under way still find it; when its secret changes, the old one keeps signing beside the new one
   * for {@code sessionflow.webhooks.rotation-overlap}.
   */
  public void replaceAll(List<Webhook> wanted) {
    List<Stored> existing =
        jdbc.sql("select * from webhooks")
            .query((rs, row) -> new Stored(map(rs, row), rs.getString("previous_secret"), rs))
            .list();
    jdbc.sql("delete from webhooks").update();
    Instant now = clock.instant();
    int position = 0;
    for (Webhook w : wanted) {
      Optional<Stored> same =
          existing.stream()
              .filter(e -> e.hook.url().equals(w.url()) && e.hook.events().equals(w.events()))
              .findFirst();
      String id =
          same.map(e -> e.hook.hookId())
              .orElse("wh-" + UUID.randomUUID().toString().substring(0, 8));
      String previous = null;
      Instant previousUntil = null;
      if (same.isPresent() && !same.get().hook.secret().equals(w.secret())) {
        previous = secrets.encrypt(same.get().hook.secret());
        previousUntil = now.plus(properties.rotationOverlap());
      } else if (same.isPresent()) {
        previous = same.get().previousSecret;
        previousUntil = same.get().previousUntil;
      }
      jdbc.sql(
              """
              insert into webhooks (hook_id, url, secret, events, created_at, previous_secret,
                previous_secret_until, position)
              values (:id, :url, :secret, :events, :now, :previous, :previousUntil, :position)
              """)
          .param("id", id)
          .param("position", position++)
          .param("url", w.url())
          .param("secret", secrets.encrypt(w.secret()))
          .param("events", String.join(",", w.events()))
          .param("now", Times.db(now))
          .param("previous", previous)
          .param("previousUntil", previousUntil == null ? null : Times.db(previousUntil))
          .update();
    }
  }

  private record Stored(Webhook hook, String previousSecret, Instant previousUntil) {
    Stored(Webhook hook, String previousSecret, ResultSet rs) throws SQLException {
      this(hook, previousSecret, Times.instant(rs, "previous_secret_until"));
    }
  }

  private Webhook map(ResultSet rs, int row) throws SQLException {
    return new Webhook(
        rs.getString("hook_id"),
        rs.getString("url"),
        secrets.decrypt(rs.getString("secret")),
        new LinkedHashSet<>(Arrays.asList(rs.getString("events").split(","))));
  }
}
