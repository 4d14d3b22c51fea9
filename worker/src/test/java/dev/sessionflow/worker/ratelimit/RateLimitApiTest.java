package dev.sessionflow.worker.ratelimit;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The budgets on the running service: behind authentication, per caller. */
@TestPropertySource(
    properties = {
      "sessionflow.rate-limits.per-caller.requests=5",
      "sessionflow.rate-limits.per-caller.per=PT1H"
    })
class RateLimitApiTest extends ApiTestBase {

  @Test
  void anAuthenticatedCallerHasItsBudgetAndJunkTokensAre401NotACharge() {
    for (int i = 0; i < 50; i++) {
      api.get("/api/v1/sessions", "junk-token-" + i).expectProblem(401, "unauthorized");
    }
    for (int i = 0; i < 5; i++) {
      api.get("/api/v1/sessions", ApiClient.AGENT_1).expect(200);
    }
    api.get("/api/v1/sessions", ApiClient.AGENT_1).expectProblem(429, "rate-limited");
    api.get("/api/v1/sessions", ApiClient.AGENT_2).expect(200);
  }
}
