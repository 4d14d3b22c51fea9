package dev.sessionflow.worker.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string the container cannot parse (an empty parameter name such as {@code ?=x},
 * or a bad percent escape) with {@code 400 validation}. The container would throw when a filter or
 * handler first reads a parameter, a 500 wherever that happens; this reads only the query string,
 * never the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class QueryStringFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String problem = problem(request.getQueryString());
    if (problem != null) {
      Problems.write(response, ProblemType.VALIDATION, problem);
      return;
    }
    chain.doFilter(request, response);
  }

  /** What is wrong with the query string, or null. */
  static String problem(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.isEmpty()) {
        return "The query string has a parameter without a name";
      }
      try {
        URLDecoder.decode(name, StandardCharsets.UTF_8);
        URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "The query string has a malformed percent escape";
      }
    }
    return null;
  }
}
