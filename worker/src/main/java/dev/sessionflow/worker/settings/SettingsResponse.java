package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.LocaleTexts;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SettlementRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messaging settings; durations in ISO-8601, {@code null} for a timer that is off. Webhook
 * secrets are never shown.
 *
 * @param agentsCanEndSessionsSource EXPLICIT once an admin chose, else ACCOUNT_DEFAULT (off for
 *     accounts that turned messaging on before the feature existed)
 * @param timersCount CALENDAR, or BUSINESS_HOURS: the inactivity timers count only open time
 * @param businessHours when the team is open; null: no hours set
 * @param outOfHoursText sent to an end user who writes while closed; null: nothing is sent
 * @param texts the end users' texts by locale; each null text falls back
 * @param channels each channel's overrides, as a {@code PUT} takes them
 * @param channelsEffective for each channel, every key its sessions run with: the value and its
 *     source ({@code channel} or {@code account})
 * @param version raised by one with every change; the response's ETag is this version
 */
public record SettingsResponse(
    boolean agentsCanEndSessions,
    String agentsCanEndSessionsSource,
    String inactiveAfter,
    String autoCloseAfter,
    String warnBeforeClose,
    String warningText,
    String endedNoticeText,
    Csat csat,
    Settlement settlement,
    List<Hook> webhooks,
    String reopenWithin,
    Widget widget,
    String timersCount,
    BusinessHours businessHours,
    String outOfHoursText,
    Map<String, LocaleTexts> texts,
    Map<String, Map<String, Object>> channels,
    Map<String, Map<String, ChannelsView.Effective>> channelsEffective,
    Instant messagingEnabledAt,
    Instant updatedAt,
    long version) {

  /** Who ending a session sends a survey, the minimum interaction, expiry, question and scale. */
  public record Csat(
      Set<String> sendWhenEndedBy,
      boolean requireAgentReply,
      int minEndUserMessages,
      String expiresAfter,
      String question,
      int scale) {}

  /** The ticket status by default, and rules by end reason or by who ended the session. */
  public record Settlement(String defaultStatus, Map<String, SettlementRule> rules) {}

  public record Hook(String hookId, String url, Set<String> events) {}

  /** The web chat widget: the origins whose pages may start visitors and frame the chat. */
  public record Widget(List<String> allowedOrigins) {}

  /**
   * @param withWebhooks whether the reader is an admin: webhook URLs (which may carry a receiver's
   *     secret) are admins' only, and agents get an empty list
   */
  public static SettingsResponse of(MessagingSettings s, boolean withWebhooks) {
    SessionPolicy p = s.policy();
    return new SettingsResponse(
        s.agentsCanEndSessions(),
        s.agentsCanEndSessionsExplicit() ? "EXPLICIT" : "ACCOUNT_DEFAULT",
        iso(s.inactiveAfter()),
        iso(s.autoCloseAfter()),
        iso(s.warnBeforeClose()),
        s.warningText(),
        s.endedNoticeText(),
        new Csat(
            new java.util.TreeSet<>(p.csatWhenEndedBy().stream().map(Enum::name).toList()),
            p.csatRequiresAgentReply(),
            p.csatMinEndUserMessages(),
            iso(p.csatExpiresAfter()),
            p.csatQuestion(),
            p.csatScale()),
        new Settlement(p.settleStatus(), p.settleRules()),
        withWebhooks
            ? s.webhooks().stream().map(w -> new Hook(w.hookId(), w.url(), w.events())).toList()
            : List.of(),
        iso(p.reopenWithin()),
        new Widget(s.widgetOrigins()),
        s.hours().timersCount().name(),
        s.hours().schedule(),
        s.hours().outOfHoursText(),
        s.texts(),
        ChannelsView.overrides(s),
        ChannelsView.effective(s),
        s.messagingEnabledAt(),
        s.updatedAt(),
        s.version());
  }

  private static String iso(Duration d) {
    return d == null ? null : d.toString();
  }
}
