package dev.sessionflow.worker.access;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;

/** How far a caller reaches into one ticket: not at all, to read it, or to change it. */
public enum Reach {
  HIDDEN,
  READ,
  CHANGE;

  /**
   * An agent's reach by scope: ALL changes everything; GROUPS sees its groups' tickets and changes
   * those unassigned or assigned to the agent; ASSIGNED sees and changes only its own and the
   * unassigned ones (which it picks up by replying). Admins change everything.
   *
   * @param group the ticket's group (null: none yet)
   * @param assignedAgentId the session's agent (null: unassigned)
   */
  public static Reach of(Caller caller, String group, String assignedAgentId) {
    if (caller.role() == Role.ADMIN) {
      return CHANGE;
    }
    if (caller.role() != Role.AGENT) {
      return HIDDEN;
    }
    boolean mineOrFree = assignedAgentId == null || assignedAgentId.equals(caller.agentId());
    return switch (caller.access()) {
      case ALL -> CHANGE;
      case GROUPS -> {
        if (group == null || !caller.groups().contains(group)) {
          yield HIDDEN;
        }
        yield mineOrFree ? CHANGE : READ;
      }
      case ASSIGNED -> mineOrFree ? CHANGE : HIDDEN;
    };
  }
}
