package dev.sessionflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OpsApiTest extends ApiTestBase {
  @Autowired MeterRegistry metrics;

  @Test
  void countsSessionsOpenedEndedSurveyedAndSettled() {
    double opened = count("sessionflow.sessions.opened");
    double settled = count("sessionflow.tickets.settled");
    double surveyed = count("sessionflow.csat.sent");
    String s = api.endUserSays(newConversation(), "m-1", "Hi").get("sessionId").asText();
    api.endUserSays(newConversation(), "m-1", "Hello").get("sessionId").asText();
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.ADMIN, "{\"reason\":\"SPAM\"}")
        .expect(200);

    ApiClient.await(
        Duration.ofSeconds(10), () -> count("sessionflow.tickets.settled") == settled + 1);
    assertThat(count("sessionflow.sessions.opened")).isEqualTo(opened + 2);
    assertThat(count("sessionflow.csat.sent")).isEqualTo(surveyed + 1);
    assertThat(
            metrics
                .find("sessionflow.sessions.ended")
                .tags("ended_by", "ADMIN", "reason", "SPAM")
                .counter()
                .count())
        .isEqualTo(1);
  }

  private double count(String name) {
    var counter = metrics.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

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
