package dev.sessionflow.worker.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists page with a cursor: every item once, in order, whatever the page size. */
class ListPagingApiTest extends ApiTestBase {

  private List<JsonNode> all(String path, String field) {
    List<JsonNode> items = new ArrayList<>();
    String next = null;
    for (int page = 0; page < 10_000; page++) {
      String sep = path.contains("?") ? "&" : "?";
      JsonNode body =
          api.get(path + (next == null ? "" : sep + "after=" + next), ApiClient.ADMIN)
              .expect(200)
              .json();
      body.get(field).forEach(items::add);
      assertThat(body.get(field).size()).isLessThanOrEqualTo(2);
      if (body.get("next").isNull()) {
        return items;
      }
      next = body.get("next").asText();
    }
    throw new AssertionError("no last page");
  }

  @Test
  void sessionsPageNewestFirstWithACursor() {
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      mine.add(api.endUserSays(newConversation(), "m-1", "hi").get("sessionId").asText());
    }

    List<String> paged =
        all("/api/v1/sessions?limit=2", "sessions").stream()
            .map(s -> s.get("sessionId").asText())
            .toList();
    List<String> whole =
        new ArrayList<>(
            api.get("/api/v1/sessions?limit=1000", ApiClient.ADMIN)
                .expect(200)
                .json()
                .get("sessions")
                .findValuesAsText("sessionId"));

    assertThat(paged).doesNotHaveDuplicates().containsAll(mine).isEqualTo(whole);
    api.get("/api/v1/sessions?limit=1001", ApiClient.ADMIN).expectProblem(400, "validation");
    api.get("/api/v1/sessions?after=not-a-cursor", ApiClient.ADMIN)
        .expectProblem(400, "validation");
  }

  @Test
  void transcriptsPageInOrderWithACursor() {
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "one").get("sessionId").asText();
    api.endUserSays(c, "m-2", "two");
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "three");
    api.endUserSays(c, "m-3", "four");
    api.endUserSays(c, "m-4", "five");

    List<String> paged =
        all("/api/v1/conversations/" + c + "/messages?limit=2", "messages").stream()
            .map(m -> m.get("text").asText())
            .toList();

    assertThat(paged).containsExactly("one", "two", "three", "four", "five");
    api.get("/api/v1/conversations/" + c + "/messages?limit=0", ApiClient.ADMIN)
        .expectProblem(400, "validation");
  }

  /** Found by schemathesis: an empty value fell back to the default and answered 200. */
  @Test
  void anEmptyQueryValueIsRefusedNotDefaulted() {
    String c = newConversation();
    api.endUserSays(c, "m-1", "one");

    for (String query : List.of("limit=", "after=", "limit=&after=1")) {
      api.get("/api/v1/conversations/" + c + "/messages?" + query, ApiClient.ADMIN)
          .expectProblem(400, "validation");
    }
    for (String query : List.of("limit=", "after=", "status=", "agentId=")) {
      api.get("/api/v1/sessions?" + query, ApiClient.ADMIN).expectProblem(400, "validation");
    }
    api.get("/api/v1/conversations/" + c + "/messages?limit=5", ApiClient.ADMIN).expect(200);
  }

  /** Found by schemathesis: a parameter name the firewall refuses answered 500. */
  @Test
  void aQueryParameterNameTheFirewallRefusesIsA400() {
    String c = newConversation();
    api.endUserSays(c, "m-1", "one");

    api.get("/api/v1/conversations/" + c + "/messages?us%07x=1", ApiClient.ADMIN)
        .expectProblem(400, "validation");
    api.get("/api/v1/sessions?%07=", ApiClient.ADMIN).expectProblem(400, "validation");
  }
}
