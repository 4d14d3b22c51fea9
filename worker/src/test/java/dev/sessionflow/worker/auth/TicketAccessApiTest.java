package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import org.junit.jupiter.api.Test;

/** Ticket-access scopes, channel ownership, and the survey link that only the end user gets. */
class TicketAccessApiTest extends ScopedApiTestBase {

  @Test
  void aGroupsAgentReadsAColleaguesTicketInItsGroupButMayNotChangeIt() {
    Chat chat = chatInGroup("first-line");
    api.agentSays(ApiClient.AGENT_1, chat.sessionId(), "a-1", "Hello, agent-1 here");

    api.get("/api/v1/sessions/" + chat.sessionId(), AGENT_FIRST_LINE).expect(200);
    api.get("/api/v1/tickets/" + chat.ticketId(), AGENT_FIRST_LINE).expect(200);
    api.post(
            "/api/v1/sessions/" + chat.sessionId() + "/messages",
            AGENT_FIRST_LINE,
            "{\"messageId\":\"a-2\",\"text\":\"Me too\"}")
        .expectProblem(403, "forbidden");
    api.patch("/api/v1/tickets/" + chat.ticketId(), AGENT_FIRST_LINE, "{\"status\":\"PENDING\"}")
        .expectProblem(403, "forbidden");
    api.post("/api/v1/sessions/" + chat.sessionId() + "/end", AGENT_FIRST_LINE, null)
        .expectProblem(403, "forbidden");

    // Out of its groups, the ticket does not exist for it.
    api.get("/api/v1/tickets/" + chat.ticketId(), AGENT_TIER_2).expectProblem(404, "not-found");
    api.get("/api/v1/conversations/" + chat.conversationId() + "/messages", AGENT_TIER_2)
        .expectProblem(404, "not-found");
  }

  @Test
  void aGroupsAgentPicksUpAnUnassignedSessionInItsGroup() {
    Chat chat = chatInGroup("first-line");
    api.agentSays(AGENT_FIRST_LINE, chat.sessionId(), "a-1", "Hello, agent-8 here");
    assertThat(api.session(chat.sessionId()).get("assignedAgentId").asText()).isEqualTo("agent-8");
  }

  @Test
  void listsShowOnlyWhatTheAgentMaySee() {
    Chat tier2 = chatInGroup("tier-2");
    Chat firstLine = chatInGroup("first-line");
    JsonNode seen = api.get("/api/v1/sessions?limit=1000", AGENT_TIER_2).expect(200).json();
    assertThat(seen.get("sessions").findValuesAsText("sessionId"))
        .contains(tier2.sessionId())
        .doesNotContain(firstLine.sessionId());
  }

  @Test
  void aChannelActsOnlyOnItsOwnConversations() {
    Chat chat = chatInGroup("first-line");
    api.get("/api/v1/conversations/" + chat.conversationId() + "/messages", OTHER_CHANNEL)
        .expectProblem(404, "not-found");
    api.post(
            "/api/v1/conversations/" + chat.conversationId() + "/messages",
            OTHER_CHANNEL,
            "{\"messageId\":\"m-9\",\"endUserId\":\"u-9\",\"text\":\"Hijack\"}")
        .expectProblem(404, "not-found");
    api.post("/api/v1/sessions/" + chat.sessionId() + "/end", OTHER_CHANNEL, null)
        .expectProblem(404, "not-found");
    assertThat(api.session(chat.sessionId()).get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void anAgentCannotObtainTheSurveyTokenThroughAnyEndpoint() {
    Chat chat = chatInGroup("first-line");
    api.agentSays(ApiClient.AGENT_1, chat.sessionId(), "a-1", "Done?");
    api.post("/api/v1/sessions/" + chat.sessionId() + "/end", ApiClient.AGENT_1, "{}").expect(200);
    ApiClient.await(
        java.time.Duration.ofSeconds(20),
        () -> api.transcript(chat.conversationId()).toString().contains("surveyToken"));
    String token = api.invitation(chat.conversationId()).get("surveyToken").asText();
    assertThat(token).isNotBlank();

    for (String who : new String[] {ApiClient.AGENT_1, ApiClient.ADMIN, AGENT_FIRST_LINE}) {
      for (String path :
          new String[] {
            "/api/v1/conversations/" + chat.conversationId() + "/messages",
            "/api/v1/sessions/" + chat.sessionId(),
            "/api/v1/sessions?limit=1000",
            "/api/v1/tickets/" + chat.ticketId()
          }) {
        ApiClient.Response response = api.get(path, who);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path + " for " + who).doesNotContain(token);
      }
    }
  }
}
