package dev.sessionflow.worker.auth;

import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Bearer-token auth for every API endpoint, and its role check ({@link Allow}). */
@Component
class AuthInterceptor implements HandlerInterceptor {
  static final String CALLER = AuthInterceptor.class.getName() + ".caller";
  private static final String BEARER = "Bearer ";

  private final TokenRegistry tokens;

  AuthInterceptor(TokenRegistry tokens) {
    this.tokens = tokens;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
    if (!(h instanceof HandlerMethod handler) || handler.hasMethodAnnotation(Public.class)) {
      return true;
    }
    Allow allow = handler.getMethodAnnotation(Allow.class);
    if (allow == null) {
      return true; // not an API endpoint of ours (actuator, OpenAPI)
    }
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.startsWith(BEARER)) {
      throw new ApiException(ProblemType.UNAUTHORIZED, "Send Authorization: Bearer <token>");
    }
    Caller caller =
        tokens
            .resolve(header.substring(BEARER.length()).trim())
            .orElseThrow(() -> new ApiException(ProblemType.UNAUTHORIZED, "Unknown token"));
    if (Arrays.stream(allow.value()).noneMatch(role -> role == caller.role())) {
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "This endpoint is for " + Arrays.toString(allow.value()) + ", not " + caller.role());
    }
    request.setAttribute(CALLER, caller);
    return true;
  }
}
