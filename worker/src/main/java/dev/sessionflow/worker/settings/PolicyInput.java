package dev.sessionflow.worker.settings;

import dev.sessionflow.activities.webhooks.Webhook;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SettlementRule;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy sections of a settings change ({@code csat}, {@code settlement}, {@code reopenWithin})
 * onto the current policy: a key left out keeps its value. The rules (ranges, statuses) are checked
 * by the store.
 */
final class PolicyInput {

  private PolicyInput() {}

  static SessionPolicy apply(SessionPolicy current, SettingsChangeRequest change) {
    SessionPolicy.Builder p = current.toBuilder();
    if (change.csat() != null) {
      csat(p, change.csat());
    }
    SettingsChangeRequest.Settlement settlement = change.settlement();
    if (settlement != null) {
      if (settlement.defaultStatus() != null) {
        p.settleStatus(settlement.defaultStatus());
      }
      if (settlement.rules() != null) {
        Map<String, SettlementRule> rules = new LinkedHashMap<>();
        settlement
            .rules()
            .forEach((key, r) -> rules.put(key, new SettlementRule(r.status(), r.group())));
        p.settleRules(rules);
      }
    }
    if (change.csat() != null || settlement != null) {
      p.webhooks(List.of()); // the stored policy holds none: the settings keep them apart
    }
    if (change.reopenWithin() != null) {
      p.reopenWithin(Durations.optional("reopenWithin", change.reopenWithin()).orElse(null));
    }
    return p.build();
  }

  /** The {@code csat} section onto the policy: a key left out keeps its value. */
  private static void csat(SessionPolicy.Builder p, SettingsChangeRequest.Csat csat) {
    if (csat.sendWhenEndedBy() != null) {
      p.csatWhenEndedBy(Set.copyOf(csat.sendWhenEndedBy()));
    }
    if (csat.expiresAfter() != null) {
      p.csatExpiresAfter(Durations.parse("csat.expiresAfter", csat.expiresAfter()));
    }
    if (csat.requireAgentReply() != null) {
      p.csatRequiresAgentReply(csat.requireAgentReply());
    }
    if (csat.minEndUserMessages() != null) {
      p.csatMinEndUserMessages(csat.minEndUserMessages());
    }
    if (csat.question() != null) {
      p.csatQuestion(csat.question());
    }
    if (csat.scale() != null) {
      p.csatScale(csat.scale());
    }
  }

  /** The webhooks, replacing all configured ones; null when the change leaves them alone. */
  static List<Webhook> webhooks(List<SettingsChangeRequest.Hook> hooks) {
    if (hooks == null) {
      return null;
    }
    return hooks.stream()
        .map(h -> new Webhook(null, h.url(), h.secret(), new LinkedHashSet<>(h.events())))
        .toList();
  }
}
