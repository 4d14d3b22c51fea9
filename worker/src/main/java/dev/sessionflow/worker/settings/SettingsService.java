package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.BusinessHoursChange;
import dev.sessionflow.activities.settings.ChannelOverride;
import dev.sessionflow.activities.settings.LocaleTexts;
import dev.sessionflow.activities.settings.Locales;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.settings.StaleSettingsException;
import dev.sessionflow.activities.settings.TimersCount;
import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The account's messaging settings: read them, change them and tell the running sessions. */
@Service
public class SettingsService {
  private final SettingsStore settings;
  private final SettingsBroadcaster broadcast;
  private final ApplicationEventPublisher events;
  private final Validator validator;

  public SettingsService(
      SettingsStore settings,
      SettingsBroadcaster broadcast,
      ApplicationEventPublisher events,
      Validator validator) {
    this.events = events;
    this.settings = settings;
    this.broadcast = broadcast;
    this.validator = validator;
  }

  public MessagingSettings current() {
    return settings.current();
  }

  /** A partial change (send only what changes), made against whatever settings are current. */
  public MessagingSettings update(SettingsChangeRequest change) {
    return update(change, null);
  }

  /**
   * As {@link #update(SettingsChangeRequest)}, made against settings version {@code
   * expectedVersion} (null: against whatever is current); a stale version is a 409 conflict, never
   * a silent overwrite. The API and the admin's pages both come here, so both get every check.
   */
  public MessagingSettings update(SettingsChangeRequest request, Long expectedVersion) {
    return update(change(request), expectedVersion);
  }

  /**
   * The settings as {@code request} would leave the current ones, with every check a save makes;
   * nothing is saved, sent or counted as a version.
   */
  public MessagingSettings draft(SettingsChangeRequest request) {
    try {
      return settings.draft(change(request));
    } catch (InvalidInputException e) {
      throw invalid(e);
    }
  }

  /** The store's refusal as the API's, so that the admin pages show it beside the form too. */
  private static ApiException invalid(InvalidInputException e) {
    return new ApiException(
        ProblemType.VALIDATION, "The request has invalid fields", e.fieldErrors());
  }

  private SettingsChange change(SettingsChangeRequest request) {
    refuseViolations(request);
    return new SettingsChange(
        request.agentsCanEndSessions(),
        inactiveAfter(request),
        Durations.optional("autoCloseAfter", request.autoCloseAfter()),
        Durations.optional("warnBeforeClose", request.warnBeforeClose()),
        request.warningText(),
        request.endedNoticeText(),
        request.changesPolicy() ? stored -> PolicyInput.apply(stored, request) : null,
        PolicyInput.webhooks(request.webhooks()),
        request.widget() == null
            ? null
            : WidgetOriginsInput.parse(request.widget().allowedOrigins()),
        request.changesHours() ? hours(request) : null,
        texts(request.texts()),
        channels(request.channels()));
  }

  /**
   * Keys in their canonical case ({@code pt-br} is {@code pt-BR}); others are kept for the check.
   */
  private static Map<String, LocaleTexts> texts(Map<String, LocaleTextsInput> texts) {
    if (texts == null) {
      return null;
    }
    Map<String, LocaleTexts> byLocale = new TreeMap<>();
    texts.forEach(
        (tag, t) -> {
          String canonical = Locales.normalized(tag);
          byLocale.put(canonical != null ? canonical : tag, t == null ? null : t.toTexts());
        });
    return byLocale;
  }

  private static Map<String, ChannelOverride> channels(Map<String, ChannelInput> channels) {
    if (channels == null) {
      return null;
    }
    Map<String, ChannelOverride> byName = new TreeMap<>();
    channels.forEach(
        (name, c) -> byName.put(name, c == null ? null : c.toOverride("channels." + name + ".")));
    return byName;
  }

  static TimersCount timersCount(String name) {
    try {
      return TimersCount.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("timersCount", "must be CALENDAR or BUSINESS_HOURS");
    }
  }

  private static BusinessHoursChange hours(SettingsChangeRequest request) {
    return new BusinessHoursChange(
        request.timersCount() == null ? null : timersCount(request.timersCount()),
        request.businessHours() == null
            ? null
            : request.businessHours().map(BusinessHoursInput::toSchedule),
        request.outOfHoursText());
  }

  public MessagingSettings update(SettingsChange change, Long expectedVersion) {
    MessagingSettings updated;
    try {
      updated = settings.update(change, expectedVersion);
    } catch (InvalidInputException e) {
      throw invalid(e);
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

  /** Left out: unchanged; JSON null: refused, as the inactivity timer cannot be turned off. */
  private static Duration inactiveAfter(SettingsChangeRequest request) {
    var value = Durations.optional("inactiveAfter", request.inactiveAfter());
    if (value != null && value.isEmpty()) {
      throw ApiException.invalid("inactiveAfter", "cannot be turned off");
    }
    return value == null ? null : value.get();
  }

  private void refuseViolations(SettingsChangeRequest request) {
    Map<String, String> errors = new TreeMap<>();
    for (ConstraintViolation<SettingsChangeRequest> v : validator.validate(request)) {
      errors.putIfAbsent(field(v.getPropertyPath()), v.getMessage());
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ProblemType.VALIDATION, "The request has invalid fields", errors);
    }
  }

  /** A field as the store's checks name it: {@code webhooks[0].url}, {@code settlement.rules.X}. */
  private static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        field.append('.').append(node.getKey());
      }
      if (node.getName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return field.toString();
  }
}
