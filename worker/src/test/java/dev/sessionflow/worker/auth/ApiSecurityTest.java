package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Deny by default: 401 with a Bearer challenge, 403 by role, both as problem+json. */
class ApiSecurityTest extends ApiTestBase {

  private HttpResponse<String> raw(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void withoutATokenItIs401WithABearerChallengeAsProblemJson() throws Exception {
    HttpResponse<String> response = raw("/api/v1/settings/messaging", null);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body()).contains("/problems/unauthorized");
  }

  @Test
  void anUnknownTokenIs401() throws Exception {
    HttpResponse<String> response = raw("/api/v1/settings/messaging", "Bearer not-a-token");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(response.body()).contains("/problems/unauthorized");
  }

  @Test
  void theWrongRoleIs403AsProblemJson() {
    api.put("/api/v1/settings/messaging", ApiClient.AGENT_1, "{}").expectProblem(403, "forbidden");
    api.get("/api/v1/settings/messaging", ApiClient.CHANNEL).expectProblem(403, "forbidden");
  }

  @Test
  void anUnknownPathIsStill404ForACallerAnd401ForNobody() {
    api.get("/api/v1/nothing-here", ApiClient.ADMIN).expectProblem(404, "not-found");
    api.get("/api/v1/nothing-here", null).expectProblem(401, "unauthorized");
  }

  @Test
  void healthIsPublicButMetricsNeedAnAdminOnTheApiPort() {
    api.get("/actuator/health", null).expect(200);
    api.get("/actuator/health/liveness", null).expect(200);
    api.get("/actuator/prometheus", null).expectProblem(401, "unauthorized");
    api.get("/actuator/prometheus", ApiClient.AGENT_1).expectProblem(403, "forbidden");
    assertThat(api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body())
        .contains("jvm_");
    api.get("/actuator/env", ApiClient.ADMIN).expectProblem(403, "forbidden");
  }

  @Test
  void pathsNoChainClaimsAreDenied() {
    api.get("/anything-else", null).expectProblem(401, "unauthorized");
  }
}
