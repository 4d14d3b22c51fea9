package dev.sessionflow.worker.csat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CsatApiTest extends ApiTestBase {

  /** Ends a session as an agent and answers the survey token of its invitation. */
  static String surveyTokenAfterAgentEnd(ApiClient api, String conversationId) {
    String s = api.endUserSays(conversationId, "m-1", "Hi").get("sessionId").asText();
    api.post("/api/v1/sessions/" + s + "/end", ApiClient.AGENT_1, null).expect(200);
    ApiClient.await(
        Duration.ofSeconds(10),
        () -> "SENT".equals(api.session(s).path("csat").path("status").asText()));
    return api.invitation(conversationId).get("surveyToken").asText();
  }

  @Test
  void answersOnceAndTheTicketAndSessionShowTheRating() {
    String c = newConversation();
    String token = surveyTokenAfterAgentEnd(api, c);

    api.post("/api/v1/csat/" + token, null, "{\"rating\":4,\"comment\":\"quick, thanks\"}")
        .expect(200);
    api.post("/api/v1/csat/" + token, null, "{\"rating\":1}").expectProblem(409, "survey-answered");

    String sessionId = api.transcript(c).get(0).get("sessionId").asText();
    JsonNode csat = api.session(sessionId).get("csat");
    assertThat(csat.get("status").asText()).isEqualTo("ANSWERED");
    assertThat(csat.get("rating").asInt()).isEqualTo(4);
    String ticketId = api.session(sessionId).get("ticketId").asText();
    ApiClient.await(
        Duration.ofSeconds(10),
        () ->
            api.get("/api/v1/tickets/" + ticketId, ApiClient.AGENT_1)
                    .json()
                    .path("csatRating")
                    .asInt()
                == 4);
  }

  @Test
  void rejectsBadAnswers() {
    String token = surveyTokenAfterAgentEnd(api, newConversation());
    api.post("/api/v1/csat/" + token, null, "{\"rating\":6}").expectProblem(400, "validation");
    api.post("/api/v1/csat/" + token, null, "{\"rating\":0}").expectProblem(400, "validation");
    api.post("/api/v1/csat/" + token, null, "{\"rating\":\"five\"}")
        .expectProblem(400, "validation");
    api.post("/api/v1/csat/" + token, null, "{}").expectProblem(400, "validation");
    api.post("/api/v1/csat/unknown-token", null, "{\"rating\":5}").expectProblem(404, "not-found");
  }
}
