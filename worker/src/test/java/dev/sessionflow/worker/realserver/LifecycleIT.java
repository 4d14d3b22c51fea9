package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle through the HTTP API on a real server, then found by every search attribute. */
class LifecycleIT extends RealServerTestBase {

  @Test
  void fullLifecycleThenFoundByEachSearchAttribute() {
    JsonNode opened = api.endUserSays("it-c-1", "m-1", "Hi, my parcel is lost");
    String sessionId = opened.get("sessionId").asText();
    String ticketId = opened.get("ticketId").asText();
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Let me check");
    api.endUserSays("it-c-1", "m-2", "Thanks");
    JsonNode openSession = api.endUserSays("it-c-2", "m-1", "Hello?");

    api.post(
            "/api/v1/sessions/" + sessionId + "/end",
            ApiClient.AGENT_1,
            "{\"reason\":\"RESOLVED\"}")
        .expect(200);
    ApiClient.await(
        Duration.ofSeconds(30),
        () ->
            "SOLVED"
                .equals(
                    api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN)
                        .json()
                        .path("status")
                        .asText()));
    JsonNode session = api.session(sessionId);
    assertThat(session.get("csat").get("status").asText()).isEqualTo("SENT");

    String workflowId = MessagingSession.workflowId(sessionId);
    for (String query :
        List.of(
            "TicketId='" + ticketId + "'",
            "ConversationId='it-c-1'",
            "AgentId='agent-1' AND TicketId='" + ticketId + "'",
            "SessionStatus='ENDED' AND ConversationId='it-c-1'",
            "EndedBy='AGENT' AND ConversationId='it-c-1'",
            "EndReason='RESOLVED' AND ConversationId='it-c-1'")) {
      assertThat(find(query)).as(query).containsExactly(workflowId);
    }
    assertThat(find("SessionStatus='ACTIVE'"))
        .containsExactly(MessagingSession.workflowId(openSession.get("sessionId").asText()));

    var description = temporal.client().newUntypedWorkflowStub(workflowId).describe();
    // Ids only: the end user's name is personal data, kept in the encrypted input alone.
    assertThat(description.getStaticSummary()).contains("Ticket " + ticketId).doesNotContain("Ana");
  }

  private List<String> find(String query) {
    WorkflowClient client = temporal.client();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> ids = List.of();
    while (System.nanoTime() < deadline) {
      ids =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .listWorkflowExecutions(
                  ListWorkflowExecutionsRequest.newBuilder()
                      .setNamespace("default")
                      .setQuery(query)
                      .build())
              .getExecutionsList()
              .stream()
              .map(WorkflowExecutionInfo::getExecution)
              .map(e -> e.getWorkflowId())
              .distinct()
              .toList();
      if (!ids.isEmpty()) {
        return ids;
      }
      Ports.sleep(300);
    }
    return ids;
  }
}
