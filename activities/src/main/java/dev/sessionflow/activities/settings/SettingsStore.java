package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.webhooks.WebhookStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account's messaging settings; created with the defaults on first use. */
@Repository
public class SettingsStore {
  static final String ACCOUNT = "default";

  private final JdbcClient jdbc;
  private final Transactions tx;
  private final SettingsDefaults defaults;
  private final Clock clock;
  private final WebhookStore webhooks;
  private final SettingsValidation validation;

  /** The settings last read by {@link #atVersion}, with their version. */
  private volatile MessagingSettings lastRead;

  public SettingsStore(
      JdbcClient jdbc,
      Transactions tx,
      SettingsDefaults defaults,
      Clock clock,
      WebhookStore webhooks,
      SettingsValidation validation) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.defaults = defaults;
    this.clock = clock;
    this.webhooks = webhooks;
    this.validation = validation;
  }

  public MessagingSettings current() {
    return tx.inTransaction(
        () ->
            loadIfStored()
                .orElseGet(
                    () -> {
                      ensureRow();
                      return load();
                    }));
  }

  /**
   * The settings of {@code version} when that is the current version, else the current ones. A
   * version's settings never change (every change raises it), so the last ones read are answered
   * for their version without a read: a new session starts with the settings version its opening
   * message was stored under, and most openings need no settings read.
   */
  public MessagingSettings atVersion(long version) {
    MessagingSettings last = lastRead;
    if (last != null && last.version() == version) {
      return last;
    }
    MessagingSettings read = current();
    lastRead = read;
    return read;
  }

  /** Whether agents may end sessions now: the one setting an agent's end reads (one query). */
  public boolean agentsCanEndSessions() {
    return jdbc.sql(
            """
            select agents_can_end_sessions, messaging_enabled_at from messaging_settings
            where account_id = :account
            """)
        .param("account", ACCOUNT)
        .query(
            (rs, row) -> {
              Boolean stored = rs.getObject("agents_can_end_sessions", Boolean.class);
              return stored != null
                  ? stored
                  : defaults.agentsCanEndSessionsFor(Times.instant(rs, "messaging_enabled_at"));
            })
        .optional()
        .orElseGet(() -> current().agentsCanEndSessions());
  }

  /**
   * The current version as a scalar subquery (null before the settings were first stored), for a
   * statement that reads it along with its own rows: the API's messages and ends pass it on without
   * a round trip of their own.
   */
  public static final String VERSION_QUERY =
      "(select settings_version from messaging_settings where account_id = '" + ACCOUNT + "')";

  /**
   * The current version alone (one small read, for the messages and ends of callers that do not
   * read {@link #VERSION_QUERY} along with their own statement, such as automation); 0 before the
   * settings were first read.
   */
  public long version() {
    // getLong answers 0 for the null of settings never stored.
    return jdbc.sql("select " + VERSION_QUERY).query((rs, row) -> rs.getLong(1)).single();
  }

  /**
   * The newest version whose change brought a deadline sooner (0: none): the one version whose
   * broadcast must reach every open session. Others are pulled.
   */
  public long pushedVersion() {
    return jdbc.sql("select pushed_version from messaging_settings where account_id = :account")
        .param("account", ACCOUNT)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  public MessagingSettings update(SettingsChange change) {
    return update(change, null);
  }

  /** The settings as {@code change} would leave the current ones, checked as a save is; unsaved. */
  public MessagingSettings draft(SettingsChange change) {
    MessagingSettings next = change.applyTo(current());
    validation.check(next, change.webhooks() != null);
    return next;
  }

  /**
   * Applies a change and raises the version by one. Changes are serialised on the settings row, so
   * two saves never lose each other's fields.
   *
   * @param expectedVersion the version the change was made against (the caller's If-Match); null
   *     applies it to whatever is current
   * @throws StaleSettingsException when the settings are no longer at {@code expectedVersion}
   */
  public MessagingSettings update(SettingsChange change, Long expectedVersion) {
    return tx.inTransaction(
        () -> {
          ensureRow();
          long version = lockedVersion();
          if (expectedVersion != null && expectedVersion != version) {
            throw new StaleSettingsException(expectedVersion, version);
          }
          MessagingSettings now = load();
          MessagingSettings next = change.applyTo(now);
          validation.check(next, change.webhooks() != null);
          jdbc.sql(
                  """
                  update messaging_settings set agents_can_end_sessions = :agentsCanEnd,
                    inactive_after_seconds = :inactive, auto_close_after_seconds = :autoClose,
                    warn_before_close_seconds = :warn, warning_text = :warningText,
                    ended_notice_text = :endedText, policy_json = :policy, updated_at = :now,
                    widget_origins = :origins, timers_count = :timersCount,
                    business_hours_json = :businessHours, out_of_hours_text = :outOfHours,
                    texts_json = :texts, channels_json = :channels,
                    settings_version = settings_version + 1,
                    pushed_version = case when :sooner then settings_version + 1
                      else pushed_version end
                  where account_id = :account
                  """)
              .param(
                  "agentsCanEnd",
                  next.agentsCanEndSessionsExplicit() ? next.agentsCanEndSessions() : null)
              .param("inactive", seconds(next.inactiveAfter()))
              .param("autoClose", seconds(next.autoCloseAfter()))
              .param("warn", seconds(next.warnBeforeClose()))
              .param("warningText", next.warningText())
              .param("endedText", next.endedNoticeText())
              .param("policy", SettingsJson.write(next.policy()))
              .param("origins", String.join("\n", next.widgetOrigins()))
              .param("timersCount", next.hours().timersCount().name())
              .param("businessHours", SettingsJson.write(next.hours().schedule()))
              .param("outOfHours", next.hours().outOfHoursText())
              .param("texts", next.texts().isEmpty() ? null : SettingsJson.write(next.texts()))
              .param(
                  "channels",
                  next.channels().isEmpty() ? null : SettingsJson.write(next.channels()))
              .param("sooner", SoonerDeadlines.sooner(now, next))
              .param("now", Times.db(clock.instant()))
              .param("account", ACCOUNT)
              .update();
          if (change.webhooks() != null) {
            webhooks.replaceAll(change.webhooks());
          }
          return load();
        });
  }

  /** Locks the settings row until the transaction ends, and answers its version. */
  private long lockedVersion() {
    return jdbc.sql(
            "select settings_version from messaging_settings where account_id = :account"
                + " for update")
        .param("account", ACCOUNT)
        .query(Long.class)
        .single();
  }

  private void ensureRow() {
    Instant enabledAt =
        defaults.messagingEnabledAt() != null ? defaults.messagingEnabledAt() : clock.instant();
    jdbc.sql(
            """
            insert into messaging_settings (account_id, agents_can_end_sessions,
              inactive_after_seconds, auto_close_after_seconds, warn_before_close_seconds,
              warning_text, ended_notice_text, messaging_enabled_at, updated_at)
            values (:account, null, :inactive, :autoClose, :warn, :warningText, :endedText,
              :enabledAt, :enabledAt)
            on conflict do nothing
            """)
        .param("account", ACCOUNT)
        .param("inactive", seconds(defaults.inactiveAfter()))
        .param("autoClose", seconds(defaults.autoCloseAfter()))
        .param("warn", seconds(defaults.warnBeforeClose()))
        .param("warningText", defaults.warningText())
        .param("endedText", defaults.endedNoticeText())
        .param("enabledAt", Times.db(enabledAt))
        .update();
  }

  private MessagingSettings load() {
    return loadIfStored().orElseThrow();
  }

  private Optional<MessagingSettings> loadIfStored() {
    return jdbc.sql("select * from messaging_settings where account_id = :account")
        .param("account", ACCOUNT)
        .query(this::map)
        .optional();
  }

  private MessagingSettings map(ResultSet rs, int row) throws SQLException {
    Instant enabledAt = Times.instant(rs, "messaging_enabled_at");
    Boolean stored = rs.getObject("agents_can_end_sessions", Boolean.class);
    return new MessagingSettings(
        stored != null ? stored : defaults.agentsCanEndSessionsFor(enabledAt),
        stored != null,
        duration(rs, "inactive_after_seconds"),
        duration(rs, "auto_close_after_seconds"),
        duration(rs, "warn_before_close_seconds"),
        rs.getString("warning_text"),
        rs.getString("ended_notice_text"),
        enabledAt,
        Times.instant(rs, "updated_at"),
        SettingsJson.policy(rs.getString("policy_json"), defaults),
        webhooks.all(),
        origins(rs.getString("widget_origins")),
        new BusinessHoursSettings(
            TimersCount.valueOf(rs.getString("timers_count")),
            SettingsJson.schedule(rs.getString("business_hours_json")),
            rs.getString("out_of_hours_text")),
        SettingsJson.texts(rs.getString("texts_json")),
        SettingsJson.channels(rs.getString("channels_json")),
        rs.getLong("settings_version"));
  }

  private static List<String> origins(String stored) {
    return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
  }

  private static Duration duration(ResultSet rs, String column) throws SQLException {
    Long value = rs.getObject(column, Long.class);
    return value == null ? null : Duration.ofSeconds(value);
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }
}
