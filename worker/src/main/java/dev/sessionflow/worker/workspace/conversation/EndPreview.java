package dev.sessionflow.worker.workspace.conversation;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SettlementRule;
import java.util.List;

/**
 * What ending a session now will do, as the confirmation says it: the survey's default per the CSAT
 * policy, and the status (and group) settlement will give the ticket for the chosen reason.
 */
public record EndPreview(
    String reason,
    boolean surveyByPolicy,
    String settleStatus,
    String settleGroup,
    String endedNotice) {
  /** The reasons the confirmation offers. */
  public static final List<String> REASONS = List.of("RESOLVED", "ESCALATED", "SPAM", "DUPLICATE");

  static EndPreview of(SessionPolicy policy, String endedNotice, Caller caller, String reason) {
    EndedBy endedBy = caller.role() == Role.ADMIN ? EndedBy.ADMIN : EndedBy.AGENT;
    String chosen = reason != null && REASONS.contains(reason) ? reason : REASONS.getFirst();
    SettlementRule rule = policy.settleRules().get(chosen);
    if (rule == null) {
      rule = policy.settleRules().get(endedBy.name());
    }
    boolean survey =
        policy.csatWhenEndedBy().contains(endedBy) && !SessionPolicy.ESCALATED.equals(chosen);
    return new EndPreview(
        chosen,
        survey,
        rule == null || rule.status() == null ? policy.settleStatus() : rule.status(),
        rule == null ? null : rule.group(),
        endedNotice);
  }
}
