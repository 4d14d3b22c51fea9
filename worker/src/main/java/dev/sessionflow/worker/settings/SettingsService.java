package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.settings.StaleSettingsException;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The account's messaging settings: read them, change them and tell the running sessions. */
@Service
public class SettingsService {
  private static final Set<String> FIELDS =
      Set.of(
          "agentsCanEndSessions",
          "inactiveAfter",
          "autoCloseAfter",
          "warnBeforeClose",
          "warningText",
          "endedNoticeText",
          "csat",
          "reopenWithin",
          "settlement",
          "webhooks",
          "widget");

  private final SettingsStore settings;
  private final SettingsBroadcaster broadcast;

  private final ApplicationEventPublisher events;

  public SettingsService(
      SettingsStore settings, SettingsBroadcaster broadcast, ApplicationEventPublisher events) {
    this.events = events;
    this.settings = settings;
    this.broadcast = broadcast;
  }

  public MessagingSettings current() {
    return settings.current();
  }

  /**
   * A partial change as the API's JSON body has it (send only what changes): durations are
   * ISO-8601, JSON null turns a timer off, csat and settlement merge key by key.
   */
  public MessagingSettings update(Map<String, Object> body) {
    return update(body, null);
  }

  /**
   * As {@link #update(Map)}, made against settings version {@code expectedVersion} (null: against
   * whatever is current); a stale version is a 409 conflict, never a silent overwrite.
   */
  public MessagingSettings update(Map<String, Object> body, Long expectedVersion) {
    body.keySet().stream()
        .filter(k -> !FIELDS.contains(k))
        .findFirst()
        .ifPresent(
            k -> {
              throw ApiException.invalid(k, "is not a messaging setting");
            });
    SettingsChange change =
        new SettingsChange(
            bool(body, "agentsCanEndSessions"),
            requiredDuration(body, "inactiveAfter"),
            optionalDuration(body, "autoCloseAfter"),
            optionalDuration(body, "warnBeforeClose"),
            text(body, "warningText"),
            text(body, "endedNoticeText"),
            body.containsKey("csat")
                    || body.containsKey("settlement")
                    || body.containsKey("reopenWithin")
                ? stored -> PolicyInput.apply(stored, body)
                : null,
            PolicyInput.webhooks(body),
            body.containsKey("widget") ? WidgetOriginsInput.parse(body.get("widget")) : null);
    return update(change, expectedVersion);
  }

  public MessagingSettings update(SettingsChange change, Long expectedVersion) {
    MessagingSettings updated;
    try {
      updated = settings.update(change, expectedVersion);
    } catch (StaleSettingsException stale) {
      throw new ApiException(
          ProblemType.CONFLICT,
          "The settings changed since version "
              + expectedVersion
              + " was read (now "
              + SettingsETag.of(stale.current())
              + "): read them again and reapply the change");
    }
    broadcast.toRunningSessions(updated);
    events.publishEvent(new SettingsSaved(updated));
    return updated;
  }

  private static Boolean bool(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (!body.containsKey(field)) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw ApiException.invalid(field, "must be true or false");
  }

  private static String text(Map<String, Object> body, String field) {
    if (!body.containsKey(field)) {
      return null;
    }
    if (body.get(field) instanceof String s) {
      return s;
    }
    throw ApiException.invalid(field, "must be a string");
  }

  private static Duration requiredDuration(Map<String, Object> body, String field) {
    if (!body.containsKey(field)) {
      return null;
    }
    if (body.get(field) == null) {
      throw ApiException.invalid(field, "cannot be turned off");
    }
    return parse(field, body.get(field));
  }

  /** Absent: null (unchanged); JSON null: empty (turned off). */
  private static Optional<Duration> optionalDuration(Map<String, Object> body, String field) {
    if (!body.containsKey(field)) {
      return null;
    }
    Object value = body.get(field);
    return value == null ? Optional.empty() : Optional.of(parse(field, value));
  }

  private static Duration parse(String field, Object value) {
    return Durations.parse(field, value);
  }
}
