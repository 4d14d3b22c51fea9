package dev.sessionflow.activities.sessions;

import java.util.Map;
import java.util.Set;

/**
 * Which sessions a reader may see, as a condition on a session {@code s} and its ticket {@code t}
 * that a query applies before it pages: a page and its cursor then never name a session out of
 * sight, and a short page means the end of the list.
 */
public record SessionVisibility(Kind kind, String agentId, Set<String> groups) {
  public enum Kind {
    /** Every session (admins, agents with access to every ticket). */
    ALL,
    /** Sessions whose ticket is in one of the groups. */
    GROUPS,
    /** The agent's own sessions and the unassigned ones. */
    ASSIGNED_OR_FREE,
    /** None. */
    NONE
  }

  public SessionVisibility {
    groups = groups == null ? Set.of() : Set.copyOf(groups);
  }

  public static final SessionVisibility ALL = new SessionVisibility(Kind.ALL, null, Set.of());
  public static final SessionVisibility NONE = new SessionVisibility(Kind.NONE, null, Set.of());

  public static SessionVisibility groups(Set<String> groups) {
    return new SessionVisibility(Kind.GROUPS, null, groups);
  }

  public static SessionVisibility assignedOrFree(String agentId) {
    return new SessionVisibility(Kind.ASSIGNED_OR_FREE, agentId, Set.of());
  }

  /** The SQL condition; its parameters are {@link #params()}. */
  String condition() {
    return switch (kind) {
      case ALL -> "1 = 1";
      case NONE -> "1 = 0";
      case GROUPS -> groups.isEmpty() ? "1 = 0" : "t.group_name in (:visibleGroups)";
      case ASSIGNED_OR_FREE ->
          "(s.assigned_agent_id is null or s.assigned_agent_id = :visibleAgent)";
    };
  }

  Map<String, Object> params() {
    return switch (kind) {
      case GROUPS -> groups.isEmpty() ? Map.of() : Map.of("visibleGroups", groups);
      case ASSIGNED_OR_FREE -> Map.of("visibleAgent", agentId);
      default -> Map.of();
    };
  }
}
