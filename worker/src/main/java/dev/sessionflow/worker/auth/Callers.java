package dev.sessionflow.worker.auth;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, from the security context. */
public final class Callers {
  private Callers() {}

  public static Optional<Caller> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof Caller caller
        ? Optional.of(caller)
        : Optional.empty();
  }
}
