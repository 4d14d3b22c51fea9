package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.settings.ChannelOverride;
import dev.sessionflow.activities.settings.CsatOverride;
import dev.sessionflow.activities.settings.MessagingSettings;
import dev.sessionflow.workflows.session.SessionPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The channels as the settings show them: each channel's overrides as they were sent (null where
 * the channel turns something off), and the value each of its sessions runs with, key by key, with
 * where it comes from ({@code channel} or {@code account}).
 */
public final class ChannelsView {
  private ChannelsView() {}

  /** One key's effective value for a channel's sessions. */
  public record Effective(Object value, String source) {}

  static Map<String, Map<String, Object>> overrides(MessagingSettings s) {
    Map<String, Map<String, Object>> shown = new TreeMap<>();
    s.channels().forEach((name, o) -> shown.put(name, sent(o)));
    return shown;
  }

  static Map<String, Map<String, Effective>> effective(MessagingSettings s) {
    Map<String, Map<String, Effective>> shown = new TreeMap<>();
    s.channels().forEach((name, o) -> shown.put(name, effective(s.forChannel(name), o)));
    return shown;
  }

  /** In the shape a {@code PUT} takes: the keys the channel sets, {@code csat} nested. */
  private static Map<String, Object> sent(ChannelOverride o) {
    Map<String, Object> keys = new LinkedHashMap<>();
    Map<String, Object> csat = new LinkedHashMap<>();
    effective(null, o)
        .forEach(
            (key, e) -> {
              if ("channel".equals(e.source())) {
                if (key.startsWith("csat.")) {
                  csat.put(key.substring("csat.".length()), e.value());
                } else {
                  keys.put(key, e.value());
                }
              }
            });
    if (!csat.isEmpty()) {
      keys.put("csat", csat);
    }
    return keys;
  }

  /**
   * With {@code s} null, only which keys the channel sets and their values as sent; else the
   * effective value of every key.
   */
  private static Map<String, Effective> effective(MessagingSettings s, ChannelOverride o) {
    Map<String, Effective> keys = new LinkedHashMap<>();
    put(
        keys,
        "inactiveAfter",
        iso(o.inactiveAfter()),
        s == null ? null : iso(s.inactiveAfter()),
        o);
    put(
        keys,
        "autoCloseAfter",
        iso(o.autoCloseAfter()),
        s == null ? null : iso(s.autoCloseAfter()),
        o);
    put(
        keys,
        "warnBeforeClose",
        iso(o.warnBeforeClose()),
        s == null ? null : iso(s.warnBeforeClose()),
        o);
    put(keys, "warningText", o.warningText(), s == null ? null : s.warningText(), o);
    put(keys, "endedNoticeText", o.endedNoticeText(), s == null ? null : s.endedNoticeText(), o);
    put(
        keys,
        "timersCount",
        o.timersCount() == null ? null : o.timersCount().name(),
        s == null ? null : s.hours().timersCount().name(),
        o);
    put(keys, "businessHours", o.businessHours(), s == null ? null : s.hours().schedule(), o);
    put(
        keys,
        "outOfHoursText",
        o.outOfHoursText(),
        s == null ? null : s.hours().outOfHoursText(),
        o);
    CsatOverride c =
        o.csat() == null ? new CsatOverride(null, null, null, null, null, null) : o.csat();
    SessionPolicy p = s == null ? null : s.policy();
    put(
        keys,
        "csat.sendWhenEndedBy",
        c.sendWhenEndedBy() == null ? null : new TreeSet<>(c.sendWhenEndedBy()),
        p == null ? null : new TreeSet<>(p.csatWhenEndedBy()),
        o);
    put(
        keys,
        "csat.requireAgentReply",
        c.requireAgentReply(),
        p == null ? null : p.csatRequiresAgentReply(),
        o);
    put(
        keys,
        "csat.minEndUserMessages",
        c.minEndUserMessages(),
        p == null ? null : p.csatMinEndUserMessages(),
        o);
    put(
        keys,
        "csat.expiresAfter",
        iso(c.expiresAfter()),
        p == null ? null : iso(p.csatExpiresAfter()),
        o);
    put(keys, "csat.question", c.question(), p == null ? null : p.csatQuestion(), o);
    put(keys, "csat.scale", c.scale(), p == null ? null : p.csatScale(), o);
    return keys;
  }

  /** The channel's value where it sets or turns off the key, else the account's. */
  private static void put(
      Map<String, Effective> keys, String key, Object own, Object effective, ChannelOverride o) {
    boolean channel = own != null || o.turnedOff().contains(key);
    keys.put(
        key,
        new Effective(channel && own != null ? own : effective, channel ? "channel" : "account"));
  }

  private static String iso(Duration d) {
    return d == null ? null : d.toString();
  }
}
