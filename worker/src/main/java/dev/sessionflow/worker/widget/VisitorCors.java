package dev.sessionflow.worker.widget;

import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-origin calls to start a visitor, from the pages an admin allowed: widget.js runs on the
 * customer's site and calls the service there. An allowed origin gets CORS headers (and its
 * preflight a 204); any other gets none, so its browser reads nothing, and the endpoint itself
 * answers {@code 403 forbidden}. No credentials (cookies) cross: the visitor token is returned in
 * the body.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class VisitorCors extends OncePerRequestFilter {
  static final String PATH = "/api/v1/widget/visitors";

  private final AllowedOrigins origins;

  VisitorCors(AllowedOrigins origins) {
    this.origins = origins;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !PATH.equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    boolean preflight =
        HttpMethod.OPTIONS.matches(request.getMethod())
            && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    if (!origins.allows(origin)) {
      if (preflight) {
        Problems.write(response, ProblemType.FORBIDDEN, "This site may not start a chat");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    if (preflight) {
      response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
      response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
      response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, response);
  }
}
