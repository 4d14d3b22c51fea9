package dev.sessionflow.worker.auth;

import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 (with {@code WWW-Authenticate: Bearer}) and 403 as the API's problem+json; 503 when the
 * credential could not be checked (its store is unreachable), which is no verdict on it.
 */
final class ProblemAuthHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof AuthenticationServiceException) {
      Problems.write(
          response, ProblemType.UNAVAILABLE, "The token could not be checked now: try again");
      return;
    }
    bearer.commence(request, response, e); // status and WWW-Authenticate
    String detail =
        request.getHeader("Authorization") == null
            ? "Send Authorization: Bearer <token>"
            : "The token is unknown, expired or invalid";
    Problems.write(response, ProblemType.UNAUTHORIZED, detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String role = Callers.current().map(c -> c.role().name()).orElse("this caller");
    Problems.write(response, ProblemType.FORBIDDEN, "This endpoint is not open to " + role);
  }
}
