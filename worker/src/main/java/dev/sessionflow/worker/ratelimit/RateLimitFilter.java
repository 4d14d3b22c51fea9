package dev.sessionflow.worker.ratelimit;

import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.api.Problems;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the API: a budget per caller, and per client address on the public CSAT endpoint
 * (where survey tokens could otherwise be guessed at speed). Over it: {@code 429 rate-limited} with
 * {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RateLimitFilter extends OncePerRequestFilter {
  static final String CSAT = "/api/v1/csat/";

  private final boolean enabled;
  private final Buckets callers;
  private final Buckets csatAddresses;

  RateLimitFilter(RateLimitProperties properties) {
    this.enabled = properties.enabled();
    this.callers = new Buckets(properties.perCaller(), properties.trackedKeys());
    this.csatAddresses = new Buckets(properties.csatPerIp(), properties.trackedKeys());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !enabled || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ConsumptionProbe probe =
        request.getRequestURI().startsWith(CSAT)
            ? csatAddresses.of(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1)
            : callers.of(callerKey(request)).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long retryAfter =
        Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    response.setStatus(ProblemType.RATE_LIMITED.status().value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            Problems.json(
                ProblemType.RATE_LIMITED,
                "Too many requests: retry after " + retryAfter + " seconds"));
  }

  /**
   * Whose budget a request spends: the caller's token (hashed, never kept as such), or the client
   * address when there is none. The one place to switch to the authenticated principal's name.
   */
  static String callerKey(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "token:" + sha256(authorization.substring(7).trim());
    }
    return "address:" + request.getRemoteAddr();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
