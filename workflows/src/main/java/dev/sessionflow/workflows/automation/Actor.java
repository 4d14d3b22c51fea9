package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.session.EndedBy;

/**
 * Who acts: the agent or admin who applied a macro or changed a ticket, or SYSTEM for a trigger.
 *
 * @param agentId the agent's id for AGENT; null otherwise
 */
public record Actor(EndedBy role, String agentId) {

  public static Actor system() {
    return new Actor(EndedBy.SYSTEM, null);
  }

  /** For the audit: "agent agent-1", "an admin", "the system". */
  public String describe() {
    return switch (role) {
      case AGENT -> "agent " + agentId;
      case ADMIN -> "an admin";
      case END_USER -> "the end user";
      case SYSTEM -> "the system";
    };
  }
}
