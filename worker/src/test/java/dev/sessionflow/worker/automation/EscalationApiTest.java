package dev.sessionflow.worker.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionSearchAttributes;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Escalation through macros and triggers, end to end: HTTP, workflows, database. */
class EscalationApiTest extends ApiTestBase {
  static final String ESCALATE =
      """
      {"name": "Escalate to Tier 2", "actions": [
        {"type": "SET_GROUP", "value": "tier-2"},
        {"type": "ADD_INTERNAL_NOTE", "value": "Refund over the tier-1 limit"},
        {"type": "END_SESSION", "reason": "ESCALATED", "sendCsat": false}]}
      """;

  /** The README's recipe. */
  static final String END_WHEN_ESCALATED =
      """
      {"name": "End the chat when escalated",
       "conditions": {"all": [{"field": "group", "operator": "CHANGED"},
                              {"field": "group", "operator": "IS_NOT", "value": "tier-1"}]},
       "actions": [{"type": "END_SESSION", "reason": "ESCALATED", "sendCsat": false}]}
      """;

  @Autowired WorkflowClient temporal;

  @AfterEach
  void removeTriggersAndRestoreSettings() {
    for (JsonNode t : api.get("/api/v1/triggers", ApiClient.ADMIN).expect(200).json()) {
      api.delete("/api/v1/triggers/" + t.get("triggerId").asText(), ApiClient.ADMIN).expect(204);
    }
    restoreDefaultSettings();
  }

  record Chat(String conversationId, String sessionId, String ticketId) {}

  Chat chatWithAgentReply() {
    String c = newConversation();
    JsonNode opened = api.endUserSays(c, "m-1", "My refund is stuck");
    String s = opened.get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Let me look");
    return new Chat(c, s, opened.get("ticketId").asText());
  }

  String createMacro(String json) {
    return api.post("/api/v1/macros", ApiClient.ADMIN, json)
        .expect(201)
        .json()
        .get("macroId")
        .asText();
  }

  String createTrigger(String json) {
    return api.post("/api/v1/triggers", ApiClient.ADMIN, json)
        .expect(201)
        .json()
        .get("triggerId")
        .asText();
  }

  JsonNode apply(Chat chat, String macroId, String token) {
    return api.post("/api/v1/tickets/" + chat.ticketId() + "/macros/" + macroId, token, null)
        .expect(200)
        .json();
  }

  static List<String> outcomes(JsonNode results) {
    return StreamSupport.stream(results.spliterator(), false)
        .map(r -> r.get("type").asText() + ":" + r.get("outcome").asText())
        .toList();
  }

  JsonNode ticket(Chat chat) {
    return api.get("/api/v1/tickets/" + chat.ticketId(), ApiClient.AGENT_1).expect(200).json();
  }

  List<String> auditKinds(Chat chat) {
    return StreamSupport.stream(ticket(chat).get("audit").spliterator(), false)
        .map(e -> e.get("kind").asText())
        .toList();
  }

  String endedViaAttribute(Chat chat) {
    return temporal
        .newUntypedWorkflowStub(MessagingSession.workflowId(chat.sessionId()))
        .describe()
        .getTypedSearchAttributes()
        .get(SessionSearchAttributes.ENDED_VIA);
  }

  boolean invited(Chat chat) {
    return StreamSupport.stream(api.transcript(chat.conversationId()).spliterator(), false)
        .anyMatch(m -> "CSAT_INVITATION".equals(m.path("kind").asText()));
  }

  @Test
  void anAgentsMacroEndsTheSessionMovesTheTicketAndSkipsTheSurvey() {
    String macroId = createMacro(ESCALATE);
    Chat chat = chatWithAgentReply();

    JsonNode applied = apply(chat, macroId, ApiClient.AGENT_1);

    assertThat(applied.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(outcomes(applied.get("results")))
        .containsExactly("SET_GROUP:APPLIED", "ADD_INTERNAL_NOTE:APPLIED", "END_SESSION:APPLIED");
    JsonNode session = api.session(chat.sessionId());
    assertThat(session.get("status").asText()).isEqualTo("ENDED");
    assertThat(session.get("endedBy").asText()).isEqualTo("AGENT");
    assertThat(session.get("endedByAgentId").asText()).isEqualTo("agent-1");
    assertThat(session.get("endReason").asText()).isEqualTo("ESCALATED");
    assertThat(session.get("endedVia").asText()).isEqualTo("macro:" + macroId);
    assertThat(session.path("csat").path("status").asText()).isEqualTo("SKIPPED");
    JsonNode ticket = ticket(chat);
    assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
    assertThat(ticket.get("group").asText()).isEqualTo("tier-2");
    assertThat(ticket.get("endedVia").asText()).isEqualTo("macro:" + macroId);
    assertThat(auditKinds(chat)).contains("GROUP_CHANGED", "INTERNAL_NOTE", "SETTLED");
    assertThat(ticket.get("audit").toString()).contains("via macro " + macroId);
    assertThat(invited(chat)).isFalse();
    assertThat(endedViaAttribute(chat)).isEqualTo("macro:" + macroId);
  }

  @Test
  void withTheSettingOffTheEndIsForbiddenAndTheRestApplies() {
    String macroId = createMacro(ESCALATE);
    Chat chat = chatWithAgentReply();
    api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"agentsCanEndSessions\": false}")
        .expect(200);

    JsonNode applied = apply(chat, macroId, ApiClient.AGENT_1);

    assertThat(outcomes(applied.get("results")))
        .containsExactly("SET_GROUP:APPLIED", "ADD_INTERNAL_NOTE:APPLIED", "END_SESSION:FORBIDDEN");
    assertThat(api.session(chat.sessionId()).get("status").asText()).isEqualTo("ACTIVE");
    assertThat(ticket(chat).get("group").asText()).isEqualTo("tier-2");
    // An admin applying the same macro may end it.
    JsonNode byAdmin = apply(chat, macroId, ApiClient.ADMIN);
    assertThat(outcomes(byAdmin.get("results")))
        .containsExactly(
            "SET_GROUP:ALREADY_DONE", "ADD_INTERNAL_NOTE:APPLIED", "END_SESSION:APPLIED");
    assertThat(api.session(chat.sessionId()).get("endedBy").asText()).isEqualTo("ADMIN");
  }

  @Test
  void onAnEndedSessionTheEndIsAlreadyDoneAndTheRestApplies() {
    String macroId = createMacro(ESCALATE);
    Chat chat = chatWithAgentReply();
    api.post("/api/v1/sessions/" + chat.sessionId() + "/end", ApiClient.CHANNEL, null).expect(200);

    JsonNode applied = apply(chat, macroId, ApiClient.AGENT_1);

    assertThat(outcomes(applied.get("results")))
        .containsExactly(
            "SET_GROUP:APPLIED", "ADD_INTERNAL_NOTE:APPLIED", "END_SESSION:ALREADY_DONE");
    assertThat(api.session(chat.sessionId()).get("endedBy").asText()).isEqualTo("END_USER");
  }

  @Test
  void aRetriedApplicationWithTheSameKeyAppliesOnce() {
    String macroId = createMacro(ESCALATE);
    Chat chat = chatWithAgentReply();
    String path = "/api/v1/tickets/" + chat.ticketId() + "/macros/" + macroId;

    JsonNode first = api.post(path, ApiClient.AGENT_1, null, "click-1").expect(200).json();
    JsonNode retry = api.post(path, ApiClient.AGENT_1, null, "click-1").expect(200).json();

    assertThat(retry.get("runId")).isEqualTo(first.get("runId"));
    assertThat(retry.get("results")).isEqualTo(first.get("results"));
    assertThat(auditKinds(chat).stream().filter("INTERNAL_NOTE"::equals)).hasSize(1);
    JsonNode run =
        api.get("/api/v1/automation-runs/" + first.get("runId").asText(), ApiClient.AGENT_1)
            .expect(200)
            .json();
    assertThat(run.get("results")).isEqualTo(first.get("results"));
  }

  @Test
  void theEscalationTriggerEndsTheSessionAsTheSystemWhenTheGroupChanges() {
    String triggerId = createTrigger(END_WHEN_ESCALATED);
    Chat chat = chatWithAgentReply();

    JsonNode patched =
        api.patch("/api/v1/tickets/" + chat.ticketId(), ApiClient.AGENT_1, "{\"group\":\"tier-2\"}")
            .expect(200)
            .json();

    assertThat(patched.get("group").asText()).isEqualTo("tier-2");
    assertThat(patched.get("status").asText()).isEqualTo("OPEN");
    JsonNode fired = patched.get("update").get("triggers");
    assertThat(fired).hasSize(1);
    assertThat(fired.get(0).get("triggerId").asText()).isEqualTo(triggerId);
    assertThat(outcomes(fired.get(0).get("results"))).containsExactly("END_SESSION:APPLIED");
    JsonNode session = api.session(chat.sessionId());
    assertThat(session.get("status").asText()).isEqualTo("ENDED");
    assertThat(session.get("endedBy").asText()).isEqualTo("SYSTEM");
    assertThat(session.get("endReason").asText()).isEqualTo("ESCALATED");
    assertThat(session.get("endedVia").asText()).isEqualTo("trigger:" + triggerId);
    assertThat(invited(chat)).isFalse();
    assertThat(endedViaAttribute(chat)).isEqualTo("trigger:" + triggerId);
    assertThat(ticket(chat).get("audit").toString())
        .contains("via trigger " + triggerId + " \\\"End the chat when escalated\\\"");
  }

  @Test
  void aGroupChangeBackToTier1FiresNothing() {
    createTrigger(END_WHEN_ESCALATED);
    Chat chat = chatWithAgentReply();

    JsonNode patched =
        api.patch("/api/v1/tickets/" + chat.ticketId(), ApiClient.AGENT_1, "{\"group\":\"tier-1\"}")
            .expect(200)
            .json();

    assertThat(patched.get("update").get("triggers")).isEmpty();
    assertThat(api.session(chat.sessionId()).get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void aSelfTriggeringRuleStops() {
    String loop =
        createTrigger(
            """
            {"name": "Bounce", "conditions": {"all": [{"field": "group", "operator": "CHANGED"}]},
             "actions": [{"type": "SET_GROUP", "value": "tier-3"},
                         {"type": "ADD_INTERNAL_NOTE", "value": "bounced"}]}
            """);
    Chat chat = chatWithAgentReply();

    JsonNode patched =
        api.patch("/api/v1/tickets/" + chat.ticketId(), ApiClient.AGENT_1, "{\"group\":\"tier-2\"}")
            .expect(200)
            .json();

    assertThat(patched.get("update").get("triggers")).hasSize(1);
    assertThat(patched.get("update").get("triggers").get(0).get("triggerId").asText())
        .isEqualTo(loop);
    assertThat(patched.get("group").asText()).isEqualTo("tier-3");
    assertThat(auditKinds(chat).stream().filter("INTERNAL_NOTE"::equals)).hasSize(1);
  }

  @Test
  void aSessionsEndSetsOffTriggers() {
    createTrigger(
        """
        {"name": "Follow up on leavers",
         "conditions": {"all": [{"field": "sessionStatus", "operator": "CHANGED_TO", "value": "ENDED"},
                                {"field": "endedBy", "operator": "IS", "value": "END_USER"}]},
         "actions": [{"type": "SET_GROUP", "value": "follow-up"}]}
        """);
    Chat chat = chatWithAgentReply();

    api.post("/api/v1/sessions/" + chat.sessionId() + "/end", ApiClient.CHANNEL, null).expect(200);

    ApiClient.await(
        Duration.ofSeconds(15), () -> "follow-up".equals(ticket(chat).path("group").asText()));
    assertThat(ticket(chat).get("audit").toString()).contains("via trigger");
  }

  @Test
  void badDefinitionsAndChangesAreRefused() {
    api.post("/api/v1/macros", ApiClient.ADMIN, "{\"name\": \"\", \"actions\": []}")
        .expectProblem(400, "validation");
    api.post(
            "/api/v1/macros",
            ApiClient.ADMIN,
            "{\"name\": \"x\", \"actions\": [{\"type\": \"DELETE_TICKET\"}]}")
        .expectProblem(400, "validation");
    JsonNode errors =
        api.post(
                "/api/v1/macros",
                ApiClient.ADMIN,
                """
                {"name": "x", "actions": [{"type": "SET_STATUS", "value": "CLOSED"},
                  {"type": "END_SESSION"}, {"type": "END_SESSION"}]}
                """)
            .expectProblem(400, "validation")
            .json()
            .get("errors");
    assertThat(errors.has("actions[0].value")).isTrue();
    assertThat(errors.has("actions")).isTrue();
    api.post("/api/v1/macros", ApiClient.AGENT_1, ESCALATE).expectProblem(403, "forbidden");
    api.post(
            "/api/v1/triggers",
            ApiClient.ADMIN,
            "{\"name\": \"t\", \"conditions\": {\"all\": [{\"field\": \"mood\", \"operator\": \"IS\", \"value\": \"x\"}]},"
                + " \"actions\": [{\"type\": \"SET_GROUP\", \"value\": \"x\"}]}")
        .expectProblem(400, "validation");
    Chat chat = chatWithAgentReply();
    api.patch("/api/v1/tickets/" + chat.ticketId(), ApiClient.AGENT_1, "{\"status\":\"CLOSED\"}")
        .expectProblem(400, "validation");
    api.patch("/api/v1/tickets/" + chat.ticketId(), ApiClient.AGENT_1, "{}")
        .expectProblem(400, "validation");
    api.patch("/api/v1/tickets/999999", ApiClient.AGENT_1, "{\"group\":\"x\"}")
        .expectProblem(404, "not-found");
    api.post("/api/v1/tickets/" + chat.ticketId() + "/macros/999999", ApiClient.AGENT_1, null)
        .expectProblem(404, "not-found");
    api.post("/api/v1/tickets/" + chat.ticketId() + "/macros/1", ApiClient.CHANNEL, null)
        .expectProblem(403, "forbidden");
  }
}
