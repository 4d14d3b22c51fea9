package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.HistoryText;
import dev.sessionflow.workflows.codec.PayloadKeys;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The survey link belongs to the end user: only the channel that relays the conversation sees it.
 * Every API read, for every staff caller, is searched for it; so is the session's workflow history.
 */
class SurveyLinkApiTest extends ScopedApiTestBase {
  @Autowired WorkflowClient temporal;
  @Autowired PayloadKeys keys;
  @Autowired dev.sessionflow.activities.datakeys.StoredDataKeys dataKeys;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private Chat chat;
  private String token;

  @BeforeEach
  void surveyedSession() {
    chat = chatInGroup("first-line");
    api.agentSays(ApiClient.AGENT_1, chat.sessionId(), "a-1", "Done?");
    api.post("/api/v1/sessions/" + chat.sessionId() + "/end", ApiClient.AGENT_1, "{}").expect(200);
    ApiClient.await(
        Duration.ofSeconds(20),
        () -> api.transcript(chat.conversationId()).toString().contains("surveyToken"));
    token = api.invitation(chat.conversationId()).get("surveyToken").asText();
  }

  @TestFactory
  Stream<DynamicTest> noApiReadShowsTheTokenToAnAgentOrAnAdmin() {
    List<String> reads = reads();
    assertThat(reads).as("the API's reads").hasSizeGreaterThan(8);
    return reads.stream().map(path -> DynamicTest.dynamicTest(path, () -> searched(path)));
  }

  private void searched(String pattern) {
    String path = concrete(pattern);
    for (String who :
        List.of(
            ApiClient.AGENT_1,
            AGENT_FIRST_LINE,
            AGENT_TIER_2,
            ApiClient.ADMIN,
            SECOND_ADMIN,
            OTHER_CHANNEL)) {
      ApiClient.Response response = api.get(path, who);
      assertThat(response.body()).as(path + " for " + who).doesNotContain(token);
    }
  }

  @Test
  void theChannelThatRelaysTheConversationSeesTheLinkAndItAnswersTheSurvey() {
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(api.invitation(chat.conversationId()).path("surveyUrl").asText())
        .isEqualTo("http://localhost:" + port() + "/survey/" + token);
    api.post("/api/v1/csat/" + token, null, "{\"rating\":5}").expect(200);
    assertThat(api.session(chat.sessionId()).get("csat").get("rating").asInt()).isEqualTo(5);
  }

  @Test
  void theSessionsWorkflowHistoryCarriesNoToken() {
    String id = MessagingSession.workflowId(chat.sessionId());
    ApiClient.await(
        Duration.ofSeconds(20),
        () -> temporal.fetchHistory(id).toJson(false).contains("InviteAndSettle"));
    String decoded = HistoryText.decoded(temporal.fetchHistory(id).getHistory(), keys, dataKeys);
    assertThat(decoded).contains("\"surveyId\"").doesNotContain(token);
  }

  /** Every GET endpoint of the API. */
  private List<String> reads() {
    TreeSet<String> reads = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(reads::add);
              }
            });
    return new ArrayList<>(reads);
  }

  private String concrete(String pattern) {
    String path =
        pattern
            .replace("{conversationId}", chat.conversationId())
            .replace("{sessionId}", chat.sessionId())
            .replace("{ticketId}", chat.ticketId())
            .replace("{runId}", chat.runId())
            .replace("{macroId}", "1")
            .replace("{triggerId}", "1");
    assertThat(path).as(pattern).doesNotContain("{");
    return path.equals("/api/v1/sessions") ? path + "?limit=1000" : path;
  }
}
