package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.SessionPolicy;
import java.time.Duration;
import java.util.Set;

/** A channel's own survey rules; each field left null keeps the account's. */
public record CsatOverride(
    Set<EndedBy> sendWhenEndedBy,
    Boolean requireAgentReply,
    Integer minEndUserMessages,
    Duration expiresAfter,
    String question,
    Integer scale) {

  SessionPolicy applyTo(SessionPolicy policy) {
    SessionPolicy.Builder b = policy.toBuilder();
    if (sendWhenEndedBy != null) {
      b.csatWhenEndedBy(sendWhenEndedBy);
    }
    if (requireAgentReply != null) {
      b.csatRequiresAgentReply(requireAgentReply);
    }
    if (minEndUserMessages != null) {
      b.csatMinEndUserMessages(minEndUserMessages);
    }
    if (expiresAfter != null) {
      b.csatExpiresAfter(expiresAfter);
    }
    if (question != null) {
      b.csatQuestion(question);
    }
    if (scale != null) {
      b.csatScale(scale);
    }
    return b.build();
  }
}
