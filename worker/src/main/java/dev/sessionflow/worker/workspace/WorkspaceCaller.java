package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import dev.sessionflow.worker.auth.StaticTokens;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

/**
 * The one link between a signed-in browser user and the services' {@link Caller}: a development
 * identity is the dev token of the same name; an OIDC user carries {@value #ROLE_CLAIM} (ADMIN or
 * AGENT) and, for agents, {@value #AGENT_CLAIM}, as the API's tokens from the same issuer do.
 */
@Component
public class WorkspaceCaller {
  static final String ROLE_CLAIM = "role";
  static final String AGENT_CLAIM = "agent_id";

  private final StaticTokens tokens;

  WorkspaceCaller(StaticTokens tokens) {
    this.tokens = tokens;
  }

  public Caller of(Authentication user) {
    if (user.getPrincipal() instanceof OidcUser oidc) {
      Role role = Role.valueOf(oidc.getClaimAsString(ROLE_CLAIM).toUpperCase(Locale.ROOT));
      return new Caller(role, role == Role.AGENT ? oidc.getClaimAsString(AGENT_CLAIM) : null);
    }
    return tokens
        .resolve(user.getName())
        .orElseThrow(() -> new IllegalStateException("No caller for " + user.getName()));
  }

  /** The workspace's roles for an OIDC user, from the same claim. */
  GrantedAuthoritiesMapper oidcAuthorities() {
    return granted ->
        granted.stream()
            .filter(OidcUserAuthority.class::isInstance)
            .map(a -> ((OidcUserAuthority) a).getIdToken().getClaimAsString(ROLE_CLAIM))
            .filter(role -> role != null)
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
            .collect(Collectors.toSet());
  }

  /** What the header shows: the agent id, or "admin". */
  public String displayName(Authentication user) {
    Caller caller = of(user);
    return caller.role() == Role.AGENT ? caller.agentId() : "admin";
  }
}
