package dev.sessionflow.worker.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Requests the firewall refuses before any route sees them (an unknown method such as QUERY, an
 * encoded semicolon or slash in the path) get problem+json too: {@code 405} with {@code Allow} for
 * a method the path does not take, {@code 400 validation} for the rest.
 */
@Component
class ProblemRequestRejectedHandler implements RequestRejectedHandler {
  private final RequestMappingHandlerMapping routes;

  ProblemRequestRejectedHandler(
      @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes) {
    this.routes = routes;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    boolean method = e.getMessage() != null && e.getMessage().contains("HTTP method");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    if (method) {
      response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed(request.getRequestURI())));
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"
                  + "\"detail\":\"This method is not supported here\"}");
      return;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response
        .getWriter()
        .write(Problems.json(ProblemType.VALIDATION, "The request URL or method is malformed"));
  }

  private Set<String> allowed(String uri) {
    Set<String> methods = new TreeSet<>();
    PathContainer path = PathContainer.parsePath(uri == null ? "/" : uri);
    routes
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              if (info.getPathPatternsCondition() != null
                  && info.getPathPatternsCondition().getPatterns().stream()
                      .anyMatch(p -> p.matches(path))) {
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
              }
            });
    return methods;
  }
}
