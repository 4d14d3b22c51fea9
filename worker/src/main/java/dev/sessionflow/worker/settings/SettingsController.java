package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.worker.api.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settings/messaging")
class SettingsController {
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
          "webhooks");

  private final SettingsStore settings;
  private final SettingsBroadcast broadcast;

  SettingsController(SettingsStore settings, SettingsBroadcast broadcast) {
    this.settings = settings;
    this.broadcast = broadcast;
  }

  @Operation(summary = "The account's messaging settings")
  @GetMapping
  SettingsResponse get() {
    return SettingsResponse.of(settings.current());
  }

  @Operation(
      summary = "Change messaging settings (partial: send only what changes)",
      description =
          "Durations are ISO-8601 and at least PT1S; autoCloseAfter and warnBeforeClose take "
              + "null to turn that timer off. csat and settlement merge key by key; webhooks "
              + "replaces the whole list. Running sessions get the new timers and policies "
              + "within seconds; a survey already sent keeps its expiry.")
  @PutMapping
  SettingsResponse put(@RequestBody Map<String, Object> body) {
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
                ? PolicyInput.apply(settings.current().policy(), body)
                : null,
            PolicyInput.webhooks(body));
    MessagingSettings updated = settings.update(change);
    broadcast.toRunningSessions(updated);
    return SettingsResponse.of(updated);
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
    if (value instanceof String s) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        // falls through to the error below
      }
    }
    throw ApiException.invalid(field, "must be an ISO-8601 duration such as PT30M");
  }
}
