package dev.sessionflow.worker.ratelimit;

import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.api.Problems;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.Callers;
import dev.sessionflow.worker.auth.Role;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits on the API: a budget per authenticated caller (a smaller one per widget visitor), per
 * client address for starting widget visitors, and per client address on the public CSAT endpoint
 * and survey page (where survey tokens could otherwise be guessed at speed) and any other request
 * no caller made. Over it: {@code 429 rate-limited} with {@code Retry-After}.
 *
 * <p>It runs after Spring Security, so a budget belongs to who the caller is (role and name), not
 * to the bearer string: a new JWT for the same agent spends the same budget, and a token that does
 * not authenticate is refused (401) before it takes a bucket or pushes a real caller's out. Callers
 * and addresses keep their buckets apart for the same reason. Behind a proxy, the client address is
 * the one the proxy forwards only with {@code server.forward-headers-strategy} set.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class RateLimitFilter extends OncePerRequestFilter {
  static final String CSAT = "/api/v1/csat/";

  /** The hosted survey page: the same tokens, so the same budget per address as {@link #CSAT}. */
  static final String SURVEY_PAGE = "/survey/";

  static final String SURVEY_ASSETS = "/survey/assets/";

  static final String VISITOR_STARTS = "/api/v1/widget/visitors";

  private final boolean enabled;
  private final Buckets callers;
  private final Buckets addresses;
  private final Buckets visitors;
  private final Buckets visitorStarts;

  RateLimitFilter(RateLimitProperties properties) {
    this.enabled = properties.enabled();
    this.callers = new Buckets(properties.perCaller(), properties.trackedKeys());
    this.addresses = new Buckets(properties.csatPerIp(), properties.trackedKeys());
    this.visitors = new Buckets(properties.perVisitor(), properties.trackedKeys());
    this.visitorStarts = new Buckets(properties.visitorStartsPerIp(), properties.trackedKeys());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !enabled
        || !(path.startsWith("/api/") || path.startsWith(SURVEY_PAGE))
        || path.startsWith(SURVEY_ASSETS);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ConsumptionProbe probe = bucket(request).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long retryAfter =
        Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    Problems.write(
        response,
        ProblemType.RATE_LIMITED,
        "Too many requests: retry after " + retryAfter + " seconds");
  }

  private Bucket bucket(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path.equals(VISITOR_STARTS)) {
      return visitorStarts.of(request.getRemoteAddr());
    }
    Optional<Caller> caller = Callers.current();
    if (caller.isEmpty() || path.startsWith(CSAT) || path.startsWith(SURVEY_PAGE)) {
      return addresses.of(request.getRemoteAddr());
    }
    // A visitor is anyone's browser: a budget of its own, far below an integration's.
    return caller.get().role() == Role.VISITOR
        ? visitors.of(caller.get().getName())
        : callers.of(callerKey(caller.get()));
  }

  /** Whose budget a request spends: the authenticated caller's role and name. */
  static String callerKey(Caller caller) {
    return caller.role() + ":" + caller.getName();
  }
}
