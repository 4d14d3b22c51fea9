package dev.sessionflow.worker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {
  private final RateLimitFilter filter =
      new RateLimitFilter(
          new RateLimitProperties(
              true,
              new RateLimitProperties.Limit(3, Duration.ofMinutes(1)),
              new RateLimitProperties.Limit(2, Duration.ofMinutes(1)),
              100));

  private MockHttpServletResponse call(String method, String path, String token, String ip)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRequestURI(path);
    request.setRemoteAddr(ip);
    if (token != null) {
      request.addHeader("Authorization", "Bearer " + token);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void aCallerOverItsBudgetGets429WithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("GET", "/api/v1/sessions", "dev-agent-1", "10.0.0.1").getStatus())
          .isEqualTo(200);
    }
    MockHttpServletResponse limited = call("GET", "/api/v1/sessions", "dev-agent-1", "10.0.0.2");

    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getContentType()).isEqualTo("application/problem+json");
    assertThat(limited.getContentAsString()).contains("/problems/rate-limited");
    assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(call("GET", "/api/v1/sessions", "dev-agent-2", "10.0.0.1").getStatus())
        .as("another caller has its own budget")
        .isEqualTo(200);
    assertThat(call("GET", "/actuator/health", "dev-agent-1", "10.0.0.1").getStatus())
        .as("outside the API")
        .isEqualTo(200);
  }

  @Test
  void theCsatEndpointIsLimitedPerClientAddress() throws Exception {
    assertThat(call("POST", "/api/v1/csat/t1", null, "203.0.113.5").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/csat/t2", null, "203.0.113.5").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/csat/t3", null, "203.0.113.5").getStatus()).isEqualTo(429);
    assertThat(call("POST", "/api/v1/csat/t3", null, "203.0.113.6").getStatus()).isEqualTo(200);
  }

  @Test
  void theKeyIsTheTokensHashNeverTheToken() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("Authorization", "Bearer s3cret-token");
    assertThat(RateLimitFilter.callerKey(request)).startsWith("token:").doesNotContain("s3cret");
  }
}
