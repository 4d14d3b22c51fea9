package dev.sessionflow.worker.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.auth.CallerAuthentication;
import dev.sessionflow.worker.auth.Role;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTest {
  private final RateLimitFilter filter =
      new RateLimitFilter(
          new RateLimitProperties(
              true,
              new RateLimitProperties.Limit(3, Duration.ofMinutes(1)),
              new RateLimitProperties.Limit(2, Duration.ofMinutes(1)),
              new RateLimitProperties.Limit(2, Duration.ofMinutes(1)),
              new RateLimitProperties.Limit(2, Duration.ofMinutes(1)),
              100));

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  /** A request the security chain has authenticated as {@code caller}. */
  private MockHttpServletResponse callAs(Caller caller, String token) throws Exception {
    SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
    try {
      return call("GET", "/api/v1/sessions", token, "10.0.0.9");
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

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

  private static final Caller AGENT_1 = new Caller(Role.AGENT, "agent-1");
  private static final Caller AGENT_2 = new Caller(Role.AGENT, "agent-2");

  @Test
  void aCallerOverItsBudgetGets429WithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(callAs(AGENT_1, "dev-agent-1").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse limited = callAs(AGENT_1, "dev-agent-1");

    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getContentType()).isEqualTo("application/problem+json");
    assertThat(limited.getContentAsString()).contains("/problems/rate-limited");
    assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(callAs(AGENT_2, "dev-agent-2").getStatus())
        .as("another caller has its own budget")
        .isEqualTo(200);
    assertThat(call("GET", "/actuator/health", "dev-agent-1", "10.0.0.1").getStatus())
        .as("outside the API")
        .isEqualTo(200);
  }

  @Test
  void aWidgetVisitorHasASmallBudgetOfItsOwn() throws Exception {
    Caller visitor = Caller.visitor("vis-1");
    assertThat(callAs(visitor, "sfv_1").getStatus()).isEqualTo(200);
    assertThat(callAs(visitor, "sfv_1").getStatus()).isEqualTo(200);
    assertThat(callAs(visitor, "sfv_1").getStatus())
        .as("a visitor's budget (2) is below an integration's (3)")
        .isEqualTo(429);
    assertThat(callAs(Caller.visitor("vis-2"), "sfv_2").getStatus())
        .as("another visitor has its own")
        .isEqualTo(200);
  }

  @Test
  void startingVisitorsIsLimitedPerClientAddress() throws Exception {
    String starts = "/api/v1/widget/visitors";
    assertThat(call("POST", starts, null, "198.51.100.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", starts, null, "198.51.100.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", starts, null, "198.51.100.7").getStatus()).isEqualTo(429);
    assertThat(call("POST", "/api/v1/csat/t1", null, "198.51.100.7").getStatus())
        .as("the survey budget is apart")
        .isEqualTo(200);
    assertThat(call("POST", starts, null, "198.51.100.8").getStatus()).isEqualTo(200);
  }

  @Test
  void theCsatEndpointIsLimitedPerClientAddress() throws Exception {
    assertThat(call("POST", "/api/v1/csat/t1", null, "203.0.113.5").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/csat/t2", null, "203.0.113.5").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/csat/t3", null, "203.0.113.5").getStatus()).isEqualTo(429);
    assertThat(call("POST", "/api/v1/csat/t3", null, "203.0.113.6").getStatus()).isEqualTo(200);
  }

  /** Tokens could be guessed on the survey page as on the API: the same budget per address. */
  @Test
  void theSurveyPageSharesTheCsatBudgetPerClientAddress() throws Exception {
    assertThat(call("GET", "/survey/t1", null, "203.0.113.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/api/v1/csat/t2", null, "203.0.113.7").getStatus()).isEqualTo(200);
    assertThat(call("POST", "/survey/t3", null, "203.0.113.7").getStatus()).isEqualTo(429);
    assertThat(call("GET", "/survey/assets/page.css", null, "203.0.113.7").getStatus())
        .isEqualTo(200);
  }

  @Test
  void aNewTokenForTheSameCallerSpendsTheSameBudget() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(callAs(AGENT_1, "jwt-issued-at-" + i).getStatus()).isEqualTo(200);
    }
    assertThat(callAs(AGENT_1, "jwt-issued-later").getStatus()).isEqualTo(429);
  }

  @Test
  void aFloodOfJunkTokensNeitherGetsBudgetsNorEvictsARealCallers() throws Exception {
    for (int i = 0; i < 3; i++) {
      callAs(AGENT_1, "dev-agent-1");
    }
    for (int i = 0; i < 500; i++) {
      call("GET", "/api/v1/sessions", "junk-" + i, "198.51.100." + (i % 250));
    }
    assertThat(callAs(AGENT_1, "dev-agent-1").getStatus())
        .as("agent-1 is still over its budget")
        .isEqualTo(429);
  }
}
