package dev.sessionflow.worker.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identities, from {@code sessionflow.auth.*}.
 *
 * @param devTokens accept the well-known development tokens (dev-admin, dev-agent-1, ...) where
 *     they are allowed at all: fully embedded, or with the {@code dev} profile
 * @param tokens static API tokens (integrations): each names its role and, for agents, the agent id
 * @param tokenList the same as one string, handy in an environment variable
 * @param agentAccess the ticket access of agents whose token or JWT does not say
 * @param agents per agent id: groups and ticket access, for static tokens (and JWTs without those
 *     claims)
 * @param jwt the claims of a JWT that make the caller
 */
@ConfigurationProperties("sessionflow.auth")
public record AuthProperties(
    @DefaultValue("true") boolean devTokens,
    List<Token> tokens,
    String tokenList,
    @DefaultValue("ALL") TicketAccess agentAccess,
    Map<String, AgentProfile> agents,
    @DefaultValue Claims jwt) {

  /** A hashed token in {@link #tokenList} or {@link Token#sha256()}: 64 hex digits. */
  static final String HASH_PREFIX = "sha256-";

  public AuthProperties {
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
    agents = agents == null ? Map.of() : Map.copyOf(agents);
    agentAccess = agentAccess == null ? TicketAccess.ALL : agentAccess;
    jwt = jwt == null ? Claims.KEYCLOAK : jwt;
  }

  /** Tokens only, as the tests and guards need them. */
  public static AuthProperties ofTokens(boolean devTokens, List<Token> tokens, String tokenList) {
    return new AuthProperties(
        devTokens, tokens, tokenList, TicketAccess.ALL, Map.of(), Claims.KEYCLOAK);
  }

  /**
   * All configured tokens: {@code tokens}, plus {@code tokenList} (env {@code
   * SESSIONFLOW_AUTH_TOKEN_LIST}): comma-separated {@code secret:ROLE[:id]}, where {@code id} is
   * the agent id of an AGENT token and the name of any other (for the audit), and {@code secret} is
   * the token or {@code sha256-} and its SHA-256 in hex.
   */
  public List<Token> configured() {
    List<Token> all = new ArrayList<>(tokens);
    if (tokenList != null && !tokenList.isBlank()) {
      for (String entry : tokenList.split(",")) {
        String[] parts = entry.trim().split(":");
        if (parts.length < 2 || parts.length > 3) {
          throw new IllegalStateException(
              "sessionflow.auth.token-list: expected token:ROLE or token:ROLE:id");
        }
        Role role = Role.valueOf(parts[1].trim());
        String id = parts.length == 3 ? parts[2].trim() : null;
        String secret = parts[0].trim();
        boolean hashed = secret.startsWith(HASH_PREFIX);
        all.add(
            new Token(
                hashed ? null : secret,
                hashed ? secret.substring(HASH_PREFIX.length()) : null,
                role,
                role == Role.AGENT ? id : null,
                id));
      }
    }
    return all;
  }

  /** The profile of an agent id, if configured. */
  public AgentProfile agent(String agentId) {
    return agentId == null ? null : agents.get(agentId);
  }

  /**
   * A static token.
   *
   * @param token the secret itself (hashed on start, never kept), or
   * @param sha256 its SHA-256 in hex
   * @param name who it is for the audit (default: the agent id, or the role and a hash prefix)
   */
  public record Token(String token, String sha256, Role role, String agentId, String name) {
    public Token(String token, Role role, String agentId) {
      this(token, null, role, agentId, null);
    }
  }

  /** An agent's groups and ticket access. */
  public record AgentProfile(Set<String> groups, TicketAccess access) {
    public AgentProfile {
      groups = groups == null ? Set.of() : Set.copyOf(groups);
    }
  }

  /**
   * Where a JWT keeps the caller; dotted paths reach into nested claims. The defaults fit Keycloak
   * (realm roles, a group membership mapper, a user attribute mapper for the access).
   *
   * @param role the role claim: a string or a list holding ADMIN, AGENT or CHANNEL (any case)
   * @param agentId the agent id claim
   * @param groups the groups claim (a list; Keycloak's leading "/" of full paths is dropped)
   * @param access the ticket access claim: ALL, GROUPS or ASSIGNED
   * @param name who acted, for the audit (default: the subject)
   */
  public record Claims(
      @DefaultValue("realm_access.roles") String role,
      @DefaultValue("preferred_username") String agentId,
      @DefaultValue("groups") String groups,
      @DefaultValue("ticket_access") String access,
      @DefaultValue("sub") String name) {
    static final Claims KEYCLOAK =
        new Claims("realm_access.roles", "preferred_username", "groups", "ticket_access", "sub");
  }
}
