package dev.sessionflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class OpsApiTest extends ApiTestBase {

  @Test
  void healthAnswersWithoutAuth() {
    assertThat(api.get("/actuator/health", null).expect(200).json().get("status").asText())
        .isEqualTo("UP");
  }

  @Test
  void servesTheOpenApiDocument() {
    JsonNode doc = api.get("/v3/api-docs", null).expect(200).json();
    assertThat(doc.get("paths").has("/api/v1/sessions/{sessionId}/end")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/conversations/{conversationId}/messages")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/settings/messaging")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/csat/{surveyToken}")).isTrue();
    assertThat(doc.toString()).doesNotContain("\"caller\"");
    api.get("/swagger-ui.html", null).status();
  }

  @Test
  void unknownRoutesAreProblems() {
    api.get("/api/v1/nothing-here", ApiClient.ADMIN).expectProblem(404, "not-found");
  }
}
