package dev.sessionflow.workflows.automation;

import dev.sessionflow.workflows.model.EndedBy;

/**
 * Who acts: the agent or admin who applied a macro or changed a ticket, or SYSTEM for a trigger.
 *
 * @param agentId the agent's id for AGENT, the admin's name (subject or token name) for ADMIN; null
 *     otherwise
 */
public record Actor(EndedBy role, String agentId) {

  public static Actor system() {
    return new Actor(EndedBy.SYSTEM, null);
  }

  /** For the audit: "agent agent-1", "admin alice" ("an admin" if unnamed), "the system". */
  public String describe() {
    return switch (role) {
      case AGENT -> "agent " + agentId;
      case ADMIN -> agentId == null ? "an admin" : "admin " + agentId;
      case END_USER -> "the end user";
      case SYSTEM -> "the system";
    };
  }
}
