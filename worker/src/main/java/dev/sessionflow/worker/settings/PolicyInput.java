package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.webhooks.Webhook;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SettlementRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the policy sections of a settings change ({@code csat}, {@code settlement}, {@code
 * webhooks}) from JSON, onto the current policy: a key left out of a section keeps its value. Type
 * errors are 400s here; the rules (ranges, statuses) are checked by the store.
 */
final class PolicyInput {
  private static final Set<String> CSAT_KEYS =
      Set.of(
          "sendWhenEndedBy",
          "requireAgentReply",
          "minEndUserMessages",
          "expiresAfter",
          "question",
          "scale");

  private PolicyInput() {}

  static SessionPolicy apply(SessionPolicy current, Map<String, Object> body) {
    SessionPolicy.Builder p = current.toBuilder();
    if (body.containsKey("csat")) {
      csat(p, section(body, "csat"));
    }
    if (body.containsKey("settlement")) {
      Map<String, Object> settlement = section(body, "settlement");
      if (settlement.containsKey("default")) {
        p.settleStatus(string("settlement.default", settlement.get("default")));
      }
      if (settlement.containsKey("rules")) {
        p.settleRules(rules(settlement.get("rules")));
      }
    }
    if (body.containsKey("csat") || body.containsKey("settlement")) {
      p.webhooks(List.of()); // the stored policy holds none: the settings keep them apart
    }
    if (body.containsKey("reopenWithin")) {
      Object window = body.get("reopenWithin");
      p.reopenWithin(window == null ? null : duration("reopenWithin", window));
    }
    return p.build();
  }

  /** The {@code csat} section onto the policy: a key left out keeps its value. */
  private static void csat(SessionPolicy.Builder p, Map<String, Object> csat) {
    csat.keySet().stream()
        .filter(k -> !CSAT_KEYS.contains(k))
        .findFirst()
        .ifPresent(k -> fail("csat." + k, "is not a CSAT setting"));
    if (csat.containsKey("sendWhenEndedBy")) {
      p.csatWhenEndedBy(endedBy(csat.get("sendWhenEndedBy")));
    }
    if (csat.containsKey("expiresAfter")) {
      p.csatExpiresAfter(duration("csat.expiresAfter", csat.get("expiresAfter")));
    }
    if (csat.containsKey("requireAgentReply")) {
      p.csatRequiresAgentReply(bool("csat.requireAgentReply", csat.get("requireAgentReply")));
    }
    if (csat.containsKey("minEndUserMessages")) {
      p.csatMinEndUserMessages(integer("csat.minEndUserMessages", csat.get("minEndUserMessages")));
    }
    if (csat.containsKey("question")) {
      p.csatQuestion(string("csat.question", csat.get("question")));
    }
    if (csat.containsKey("scale")) {
      p.csatScale(integer("csat.scale", csat.get("scale")));
    }
  }

  /** The webhooks, replacing all configured ones; null when the change leaves them alone. */
  static List<Webhook> webhooks(Map<String, Object> body) {
    if (!body.containsKey("webhooks")) {
      return null;
    }
    if (!(body.get("webhooks") instanceof List<?> list)) {
      throw fail("webhooks", "must be a list of {url, secret, events}");
    }
    List<Webhook> hooks = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "webhooks[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> hook)) {
        throw fail(at, "must be an object {url, secret, events}");
      }
      if (!(hook.get("events") instanceof List<?> events)) {
        throw fail(at + ".events", "must be a list of event types");
      }
      Set<String> types = new LinkedHashSet<>();
      events.forEach(e -> types.add(string(at + ".events", e)));
      hooks.add(
          new Webhook(
              null,
              string(at + ".url", hook.get("url")),
              string(at + ".secret", hook.get("secret")),
              types));
    }
    return hooks;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> body, String name) {
    if (body.get(name) instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw fail(name, "must be an object");
  }

  private static Set<EndedBy> endedBy(Object value) {
    if (!(value instanceof List<?> list)) {
      throw fail("csat.sendWhenEndedBy", "must be a list of AGENT, ADMIN, END_USER, SYSTEM");
    }
    Set<EndedBy> set = EnumSet.noneOf(EndedBy.class);
    for (Object item : list) {
      try {
        set.add(EndedBy.valueOf(string("csat.sendWhenEndedBy", item)));
      } catch (IllegalArgumentException e) {
        throw fail("csat.sendWhenEndedBy", "must be a list of AGENT, ADMIN, END_USER, SYSTEM");
      }
    }
    return set;
  }

  private static Map<String, SettlementRule> rules(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw fail(
          "settlement.rules", "must map an end reason or AGENT/ADMIN/END_USER/SYSTEM to a rule");
    }
    Map<String, SettlementRule> rules = new LinkedHashMap<>();
    map.forEach(
        (key, rule) -> {
          String at = "settlement.rules." + key;
          if (!(rule instanceof Map<?, ?> r)) {
            throw fail(at, "must be {status, group}");
          }
          Object group = r.get("group");
          rules.put(
              String.valueOf(key),
              new SettlementRule(
                  string(at + ".status", r.get("status")),
                  group == null ? null : string(at + ".group", group)));
        });
    return rules;
  }

  static Duration duration(String field, Object value) {
    return Durations.parse(field, value);
  }

  private static boolean bool(String field, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw fail(field, "must be true or false");
  }

  /** A whole number as JSON Schema has it: {@code 3} or {@code 3.0}, not {@code 3.5}. */
  private static int integer(String field, Object value) {
    if (value instanceof Integer i) {
      return i;
    }
    if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString()).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        // a fraction or out of range: refused below
      }
    }
    throw fail(field, "must be a whole number");
  }

  private static String string(String field, Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw fail(field, "must be a string");
  }

  private static ApiException fail(String field, String message) {
    throw ApiException.invalid(field, message);
  }
}
