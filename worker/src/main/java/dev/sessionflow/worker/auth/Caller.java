package dev.sessionflow.worker.auth;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * Who is calling: the one principal type of the API (bearer tokens, JWTs) and of browser logins.
 *
 * @param role what the caller may do
 * @param agentId the agent's id, for agents only
 * @param name who acted, for the audit: the agent id, an admin's subject, or a token's name
 * @param groups the agent's groups (for {@link TicketAccess#GROUPS})
 * @param access which tickets the caller may see and change
 */
public record Caller(
    Role role, String agentId, String name, Set<String> groups, TicketAccess access)
    implements Serializable {

  public Caller {
    if (role == null) {
      throw new IllegalArgumentException("a caller needs a role");
    }
    if (role == Role.AGENT && (agentId == null || agentId.isBlank())) {
      throw new IllegalArgumentException("an agent needs an agent id");
    }
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    access = access == null || role != Role.AGENT ? TicketAccess.ALL : access;
    if (name == null || name.isBlank()) {
      name = agentId != null ? agentId : role.name().toLowerCase(Locale.ROOT);
    }
  }

  /** A caller with no groups and access to every ticket, named after its agent id or role. */
  public Caller(Role role, String agentId) {
    this(role, agentId, null, Set.of(), TicketAccess.ALL);
  }

  public static Caller agent(String agentId, Set<String> groups, TicketAccess access) {
    return new Caller(Role.AGENT, agentId, agentId, groups, access);
  }

  public static Caller admin(String name) {
    return new Caller(Role.ADMIN, null, name, Set.of(), TicketAccess.ALL);
  }

  public static Caller channel(String name) {
    return new Caller(Role.CHANNEL, null, name, Set.of(), TicketAccess.ALL);
  }

  /** A widget visitor, named by its visitor id. */
  public static Caller visitor(String visitorId) {
    return new Caller(Role.VISITOR, null, visitorId, Set.of(), TicketAccess.ALL);
  }

  /** The principal name (not a {@link java.security.Principal}: handlers take it as Caller). */
  public String getName() {
    return name;
  }

  /** The Spring Security authority of the role, e.g. {@code ROLE_AGENT}. */
  public String authority() {
    return "ROLE_" + role.name();
  }
}
