package dev.sessionflow.worker.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The last API rule: an existing endpoint that {@link ApiAccessRules} does not name is denied to
 * everyone (deny by default), while a path with no endpoint is left to answer 404 (or 405) to an
 * authenticated caller.
 */
final class UnruledEndpoints implements AuthorizationManager<RequestAuthorizationContext> {
  private final HandlerMapping handlers;

  UnruledEndpoints(HandlerMapping handlers) {
    this.handlers = handlers;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    if (hasHandler(context.getRequest())) {
      return new AuthorizationDecision(false);
    }
    Authentication auth = authentication.get();
    return new AuthorizationDecision(auth != null && auth.getPrincipal() instanceof Caller);
  }

  private boolean hasHandler(HttpServletRequest request) {
    try {
      return handlers.getHandler(request) != null;
    } catch (Exception noMatch) {
      return false; // e.g. the path exists for another method: MVC answers 405
    }
  }
}
