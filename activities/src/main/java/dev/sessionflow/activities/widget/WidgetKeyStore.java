package dev.sessionflow.activities.widget;

import dev.sessionflow.activities.support.LimitReachedException;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.webhooks.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The widget keys: a customer's backend signs its verified visitors' JWTs (HS256) with one. The
 * secret is shown once and kept encrypted under the service's secrets key; the HMAC key is the
 * secret's UTF-8 bytes, as JWT libraries take a string secret.
 */
@Repository
public class WidgetKeyStore {
  /** Keys that sign at once: enough to rotate, few enough to audit. */
  public static final int MAX_ACTIVE = 100;

  private final JdbcClient jdbc;
  private final WebhookSecrets encryption;
  private final Clock clock;

  public WidgetKeyStore(JdbcClient jdbc, WebhookSecrets encryption, Clock clock) {
    this.jdbc = jdbc;
    this.encryption = encryption;
    this.clock = clock;
  }

  public NewWidgetKey create(String createdBy) {
    if (list().stream().filter(k -> k.revokedAt() == null).count() >= MAX_ACTIVE) {
      throw new LimitReachedException(
          "At most " + MAX_ACTIVE + " widget keys may sign at once: revoke one first");
    }
    String kid = Secrets.random("wk-", 9);
    String secret = Secrets.random("wksec_", 32);
    jdbc.sql(
            "insert into widget_keys (kid, secret, created_by, created_at)"
                + " values (:kid, :secret, :by, :at)")
        .param("kid", kid)
        .param("secret", encryption.encrypt(secret))
        .param("by", createdBy)
        .param("at", Times.db(clock.instant()))
        .update();
    return new NewWidgetKey(kid, secret);
  }

  public List<WidgetKey> list() {
    return jdbc.sql(
            "select kid, created_by, created_at, revoked_at from widget_keys order by created_at")
        .query(
            (rs, row) ->
                new WidgetKey(
                    rs.getString("kid"),
                    rs.getString("created_by"),
                    Times.instant(rs, "created_at"),
                    Times.instant(rs, "revoked_at")))
        .list();
  }

  /** Revokes a key; false when there is no such key. Revoking twice keeps the first time. */
  public boolean revoke(String kid) {
    jdbc.sql("update widget_keys set revoked_at = :at where kid = :kid and revoked_at is null")
        .param("at", Times.db(clock.instant()))
        .param("kid", kid)
        .update();
    return jdbc.sql("select count(*) from widget_keys where kid = :kid")
            .param("kid", kid)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The HMAC key of a key that still signs; empty for an unknown or revoked kid. */
  public Optional<byte[]> signingKey(String kid) {
    return jdbc.sql("select secret from widget_keys where kid = :kid and revoked_at is null")
        .param("kid", kid)
        .query(String.class)
        .optional()
        .map(stored -> encryption.decrypt(stored).getBytes(StandardCharsets.UTF_8));
  }
}
