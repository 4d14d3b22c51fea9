package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a scoped agent reads: lists and transcripts hold only the sessions in its sight. */
class ScopedReadsApiTest extends ScopedApiTestBase {

  @Test
  void aListPageAndItsCursorNeverNameAHiddenSession() {
    Chat tier2 = chatInGroup("tier-2");
    Chat hidden = chatInGroup("first-line");
    JsonNode page = api.get("/api/v1/sessions?limit=1", AGENT_TIER_2).expect(200).json();
    assertThat(page.get("sessions").findValuesAsText("sessionId"))
        .containsExactly(tier2.sessionId());
    assertThat(page.path("next").asText()).doesNotContain(hidden.sessionId());
  }

  @Test
  void walkingEveryPageOneAtATimeFindsNoHiddenSession() {
    chatInGroup("tier-2");
    Chat hidden = chatInGroup("first-line");
    List<String> named = new ArrayList<>();
    String next = null;
    for (int pages = 0; pages < 500; pages++) {
      JsonNode page =
          api.get("/api/v1/sessions?limit=1" + (next == null ? "" : "&after=" + next), AGENT_TIER_2)
              .expect(200)
              .json();
      named.addAll(page.get("sessions").findValuesAsText("sessionId"));
      next = page.path("next").isTextual() ? page.get("next").asText() : null;
      if (next == null) {
        break;
      }
      named.add(next);
      assertThat(page.get("sessions")).as("a full page before a cursor").hasSize(1);
    }
    assertThat(String.join(" ", named)).doesNotContain(hidden.sessionId());
  }

  @Test
  void anAssignedAgentReadsOnlyTheSessionsOfAConversationInItsSight() {
    String c = newConversation();
    String first = api.endUserSays(c, "m-1", "My first problem").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, first, "a-1", "agent-1 handled this privately");
    api.post("/api/v1/sessions/" + first + "/end", ApiClient.AGENT_1, "{\"sendCsat\":false}")
        .expect(200);
    ApiClient.await(
        Duration.ofSeconds(20),
        () -> api.transcript(c).toString().contains("\"author\":\"SYSTEM\""));
    String second = api.endUserSays(c, "m-2", "A new problem").get("sessionId").asText();
    assertThat(second).isNotEqualTo(first);

    JsonNode seen =
        api.get("/api/v1/conversations/" + c + "/messages", AGENT_ASSIGNED)
            .expect(200)
            .json()
            .get("messages");
    assertThat(seen.findValuesAsText("sessionId")).containsOnly(second);
    assertThat(seen.toString()).doesNotContain("privately");
    // agent-1, who handled the first, still reads both (scope ALL).
    assertThat(
            api.get("/api/v1/conversations/" + c + "/messages", ApiClient.AGENT_1)
                .expect(200)
                .json()
                .get("messages")
                .findValuesAsText("sessionId"))
        .contains(first, second);
  }

  @Test
  void aConversationWithNoSessionInSightIsNotFound() {
    String c = newConversation();
    String only = api.endUserSays(c, "m-1", "Hi").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, only, "a-1", "Mine");
    api.get("/api/v1/conversations/" + c + "/messages", AGENT_ASSIGNED)
        .expectProblem(404, "not-found");
  }
}
