package dev.sessionflow.worker.workspace;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Role;
import dev.sessionflow.worker.auth.StaticTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.function.BooleanSupplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The one link between a signed-in browser user and the services' {@link Caller}: a development
 * identity is the dev token of the same name; an OIDC user is the caller their access token makes
 * in the API ({@link OidcCallers}).
 */
@Component
public class WorkspaceCaller {
  private final StaticTokens tokens;

  WorkspaceCaller(StaticTokens tokens) {
    this.tokens = tokens;
  }

  public Caller of(Authentication user) {
    if (user.getPrincipal() instanceof OidcCallers.SignedIn oidc) {
      return oidc.caller();
    }
    return tokens
        .resolve(user.getName())
        .orElseThrow(() -> new IllegalStateException("No caller for " + user.getName()));
  }

  /**
   * Whether the browser session a stream was opened in is still signed in as {@code user}: false
   * once it signs out (the session is invalidated) or signs in again, as someone else or with
   * another role or scope (a new sign-in is a new authentication).
   */
  public BooleanSupplier stillSignedIn(HttpServletRequest request, Authentication user) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return () -> false;
    }
    return () -> {
      try {
        return session.getAttribute(SECURITY_CONTEXT) instanceof SecurityContext context
            && user.equals(context.getAuthentication());
      } catch (IllegalStateException invalidated) {
        return false;
      }
    };
  }

  private static final String SECURITY_CONTEXT =
      HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

  /** What the header shows: the agent id, or "admin". */
  public String displayName(Authentication user) {
    Caller caller = of(user);
    return caller.role() == Role.AGENT ? caller.agentId() : "admin";
  }
}
