package dev.sessionflow.workflows.session;

import java.time.Duration;
import java.util.Set;

/**
 * What happens after a session ends.
 *
 * @param csatWhenEndedBy who ending the session sends a survey (when the request does not say)
 * @param csatExpiresAfter how long a survey can be answered
 * @param settleStatus the ticket status the session settles its ticket to
 */
public record SessionPolicy(
    Set<EndedBy> csatWhenEndedBy, Duration csatExpiresAfter, String settleStatus) {

  public static SessionPolicy defaults() {
    return new SessionPolicy(Set.of(EndedBy.AGENT, EndedBy.ADMIN), Duration.ofDays(14), "SOLVED");
  }

  /** An explicit {@code sendCsat} on an agent's or admin's request wins over the policy. */
  public boolean wantsCsat(EndRequest request) {
    boolean byPolicy = csatWhenEndedBy.contains(request.endedBy());
    boolean human = request.endedBy() == EndedBy.AGENT || request.endedBy() == EndedBy.ADMIN;
    if (human && request.sendCsat() != null) {
      return request.sendCsat();
    }
    return byPolicy;
  }
}
