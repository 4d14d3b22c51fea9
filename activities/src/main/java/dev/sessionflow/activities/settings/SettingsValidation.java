package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.activities.webhooks.Webhook;
import dev.sessionflow.activities.webhooks.WebhookDestinations;
import dev.sessionflow.activities.webhooks.WebhookSecrets;
import dev.sessionflow.workflows.model.TicketStatus;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether settings, as a change would leave them, can be saved: every problem named by its field
 * ({@code csat.scale}, {@code webhooks[2].url}), or none. The store asks it under the settings
 * row's lock, on the merged settings.
 */
@Component
public class SettingsValidation {
  private static final int MAX_TEXT = Limits.SETTINGS_TEXT;
  private static final Set<String> EVENTS = Set.copyOf(WebhookEvent.ALL);

  private final WebhookDestinations destinations;

  public SettingsValidation(WebhookDestinations destinations) {
    this.destinations = destinations;
  }

  /**
   * @param newWebhooks whether the change brings webhooks (only then are their URLs resolved)
   * @throws InvalidInputException naming every problem
   */
  void check(MessagingSettings s, boolean newWebhooks) {
    Map<String, String> errors = errors(s);
    ChannelRules.check(errors, s, this::errors);
    if (newWebhooks) {
      validateWebhooks(errors, s.webhooks());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** Every problem of the settings a session runs with, by field. */
  private Map<String, String> errors(MessagingSettings s) {
    Map<String, String> errors = new LinkedHashMap<>();
    atLeastOneSecond(errors, "inactiveAfter", s.inactiveAfter());
    atLeastOneSecond(errors, "autoCloseAfter", s.autoCloseAfter());
    atLeastOneSecond(errors, "warnBeforeClose", s.warnBeforeClose());
    if (s.autoCloseAfter() != null
        && s.warnBeforeClose() != null
        && s.warnBeforeClose().compareTo(s.autoCloseAfter()) >= 0) {
      errors.putIfAbsent("warnBeforeClose", "must be shorter than autoCloseAfter");
    }
    text(errors, "warningText", s.warningText());
    text(errors, "endedNoticeText", s.endedNoticeText());
    validatePolicy(errors, s.policy());
    BusinessHoursRules.check(errors, s.hours());
    LocaleTextsRules.check(errors, s.texts());
    return errors;
  }

  private static void validatePolicy(Map<String, String> errors, SessionPolicy p) {
    if (p.csatScale() < 2 || p.csatScale() > 10) {
      errors.put("csat.scale", "must be 2 to 10");
    }
    if (p.csatMinEndUserMessages() < 0) {
      errors.put("csat.minEndUserMessages", "must be 0 or more");
    }
    atLeastOneSecond(errors, "csat.expiresAfter", p.csatExpiresAfter());
    if (p.csatQuestion().isBlank() || p.csatQuestion().length() > Limits.CSAT_QUESTION) {
      errors.put("csat.question", "must be 1 to " + Limits.CSAT_QUESTION + " characters");
    }
    atLeastOneSecond(errors, "reopenWithin", p.reopenWithin());
    if (p.settleRules().size() > 50) {
      errors.put("settlement.rules", "at most 50 rules");
    }
    if (!TicketStatus.settable(p.settleStatus())) {
      errors.put("settlement.default", "must be one of " + TicketStatus.SETTABLE);
    }
    p.settleRules()
        .forEach(
            (key, rule) -> {
              if (key.isBlank() || key.length() > 64) {
                errors.put("settlement.rules", "keys are 1 to 64 characters");
              } else if (rule == null || !TicketStatus.settable(rule.status())) {
                errors.put(
                    "settlement.rules." + key + ".status",
                    "must be one of " + TicketStatus.SETTABLE);
              } else if (rule.group() != null
                  && (rule.group().isBlank() || rule.group().length() > Limits.GROUP)) {
                errors.put("settlement.rules." + key + ".group", "must be 1 to 128 characters");
              }
            });
  }

  private void validateWebhooks(Map<String, String> errors, List<Webhook> hooks) {
    if (hooks.size() > 20) {
      errors.put("webhooks", "at most 20 webhooks");
    }
    if (hooks.stream().map(h -> h.url() + " " + h.events()).distinct().count() < hooks.size()) {
      errors.put("webhooks", "each url and set of events at most once");
    }
    for (int i = 0; i < hooks.size(); i++) {
      Webhook hook = hooks.get(i);
      String url = hook.url() == null ? "" : hook.url();
      String refusal =
          url.length() > Limits.WEBHOOK_URL
              ? "at most " + Limits.WEBHOOK_URL + " characters"
              : destinations.refusal(url);
      if (refusal != null) {
        errors.put("webhooks[" + i + "].url", refusal);
      }
      if (!WebhookSecrets.wellFormed(hook.secret())) {
        errors.put(
            "webhooks[" + i + "].secret",
            "must be whsec_ and the base64 of 24 to 64 random bytes (e.g. whsec_$(openssl rand"
                + " -base64 32))");
      }
      if (hook.events() == null || hook.events().isEmpty() || !EVENTS.containsAll(hook.events())) {
        errors.put("webhooks[" + i + "].events", "must be some of " + EVENTS);
      }
    }
  }

  /** Longest duration a setting takes: beyond it deadlines would overflow or mean nothing. */
  private static final Duration MAX_DURATION = Duration.ofDays(365);

  private static void atLeastOneSecond(Map<String, String> errors, String field, Duration d) {
    if (d != null && (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(MAX_DURATION) > 0)) {
      errors.put(field, "must be a duration from one second (PT1S) to 365 days (P365D)");
    }
  }

  private static void text(Map<String, String> errors, String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
      errors.put(field, "must be 1 to " + MAX_TEXT + " characters");
    }
  }
}
