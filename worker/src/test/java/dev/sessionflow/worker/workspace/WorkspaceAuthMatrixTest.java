package dev.sessionflow.worker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.worker.SignedInBrowser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The workspace's routes and streams against the API's, for each ticket access: whatever the caller
 * may not see is 404 in both, whatever it may only read refuses the change in both, and the inbox
 * lists exactly what the API lists. agent-1 is GROUPS (first-line), agent-2 ASSIGNED.
 */
@TestPropertySource(
    properties = {
      "sessionflow.auth.agents.agent-1.access=GROUPS",
      "sessionflow.auth.agents.agent-2.access=ASSIGNED",
      "sessionflow.auth.token-list=t-agent-9-matrix:AGENT:agent-9"
    })
class WorkspaceAuthMatrixTest extends ApiTestBase {

  enum Reach {
    HIDDEN,
    READ,
    CHANGE
  }

  @Test
  void eachAgentReachesTheSameSessionsInTheWorkspaceAsInTheApi() throws Exception {
    // Each identity gets sessions of its own: a reply assigns a session, which moves the others'
    // reach.
    check(ApiClient.AGENT_1, Reach.CHANGE, Reach.HIDDEN, Reach.READ, Reach.HIDDEN);
    check(ApiClient.AGENT_2, Reach.CHANGE, Reach.CHANGE, Reach.HIDDEN, Reach.CHANGE);
    check(ApiClient.ADMIN, Reach.CHANGE, Reach.CHANGE, Reach.CHANGE, Reach.CHANGE);
  }

  /**
   * The identity's reach, in the API and the workspace, to four sessions: first-line unassigned,
   * tier-2 unassigned, first-line answered by agent-9, tier-2 answered by agent-2.
   */
  private void check(String who, Reach... expected) throws Exception {
    String[] sessions = {
      session("first-line", null),
      session("tier-2", null),
      session("first-line", "t-agent-9-matrix"),
      session("tier-2", ApiClient.AGENT_2)
    };
    SignedInBrowser browser = SignedInBrowser.as(base(), who);
    String inbox = browser.get("/inbox").body();
    for (int i = 0; i < sessions.length; i++) {
      String s = sessions[i];
      Reach reach = expected[i];
      String at = who + " on session " + i + " (" + reach + ")";
      int seen = reach == Reach.HIDDEN ? 404 : 200;
      assertThat(api.get("/api/v1/sessions/" + s, who).status()).as("API " + at).isEqualTo(seen);
      assertThat(browser.get("/conversations/" + s).statusCode()).as("page " + at).isEqualTo(seen);
      assertThat(browser.get("/conversations/" + s + "/end").statusCode())
          .as("end confirmation " + at)
          .isEqualTo(seen);
      assertThat(streamStatus(browser, "/conversations/" + s + "/stream"))
          .as("stream " + at)
          .isEqualTo(seen);
      assertThat(inbox.contains("/conversations/" + s)).as("inbox " + at).isEqualTo(seen == 200);

      String text = "reply-" + UUID.randomUUID();
      browser.post("/conversations/" + s + "/messages", "text=" + text);
      assertThat(transcriptOf(s).contains(text))
          .as("workspace reply " + at)
          .isEqualTo(reach == Reach.CHANGE);
      browser.post("/conversations/" + s + "/end", "reason=RESOLVED");
      assertThat(api.session(s).get("status").asText().equals("ENDED"))
          .as("workspace end " + at)
          .isEqualTo(reach == Reach.CHANGE);
    }
  }

  private String transcriptOf(String sessionId) {
    String conversation = api.session(sessionId).get("conversationId").asText();
    return api.get("/api/v1/conversations/" + conversation + "/messages", ApiClient.ADMIN)
        .expect(200)
        .body();
  }

  /** A session in {@code group}, answered by {@code token}'s agent (null: unassigned). */
  private String session(String group, String token) {
    var opened = api.endUserSays(newConversation(), "m-1", "Hello");
    String sessionId = opened.get("sessionId").asText();
    api.patch(
            "/api/v1/tickets/" + opened.get("ticketId").asText(),
            ApiClient.ADMIN,
            "{\"group\":\"" + group + "\"}")
        .expect(200);
    if (token != null) {
      api.agentSays(token, sessionId, "a-1", "Mine");
    }
    return sessionId;
  }

  private int streamStatus(SignedInBrowser browser, String path) throws Exception {
    HttpResponse<java.io.InputStream> stream =
        browser.http.send(
            HttpRequest.newBuilder(browser.uri(path)).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    stream.body().close();
    return stream.statusCode();
  }
}
