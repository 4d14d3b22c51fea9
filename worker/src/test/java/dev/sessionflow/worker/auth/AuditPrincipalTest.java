package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every audit row and end record names who acted, so that two admins can be told apart. */
class AuditPrincipalTest extends ScopedApiTestBase {

  private List<String> audit(String ticketId) {
    List<String> details = new ArrayList<>();
    for (JsonNode row :
        api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN).expect(200).json().get("audit")) {
      details.add(row.get("kind").asText() + ": " + row.get("detail").asText());
    }
    return details;
  }

  @Test
  void twoAdminsActionsAreDistinguishableInTheAudit() {
    Chat chat = chatInGroup("first-line"); // by dev-admin
    api.patch("/api/v1/tickets/" + chat.ticketId(), SECOND_ADMIN, "{\"status\":\"PENDING\"}")
        .expect(200);
    api.post("/api/v1/sessions/" + chat.sessionId() + "/end", SECOND_ADMIN, "{}").expect(200);
    ApiClient.await(
        java.time.Duration.ofSeconds(20),
        () -> audit(chat.ticketId()).stream().anyMatch(d -> d.startsWith("SETTLED")));

    List<String> audit = audit(chat.ticketId());
    assertThat(audit)
        .anySatisfy(d -> assertThat(d).startsWith("GROUP_CHANGED").contains("admin dev-admin"));
    assertThat(audit)
        .anySatisfy(d -> assertThat(d).startsWith("STATUS_CHANGED").contains("admin ops-bot"));
    assertThat(audit)
        .anySatisfy(d -> assertThat(d).startsWith("SETTLED").contains("ADMIN (ops-bot)"));
    assertThat(api.session(chat.sessionId()).get("endedByAgentId").asText()).isEqualTo("ops-bot");
    // The ticket's end record names the admin too, not only the role.
    JsonNode ticket = api.get("/api/v1/tickets/" + chat.ticketId(), ApiClient.ADMIN).json();
    assertThat(ticket.get("endedBy").asText()).isEqualTo("ADMIN");
    assertThat(ticket.get("endedById").asText()).isEqualTo("ops-bot");
  }

  @Test
  void theOpeningRowNamesTheEndUserAndTheChannelThatRelayedThem() {
    Chat chat = chatInGroup("first-line");
    assertThat(audit(chat.ticketId()))
        .first()
        .asString()
        .startsWith("OPENED")
        .endsWith("opened by end user u-" + chat.conversationId() + " via channel dev-channel");
  }

  @Test
  void twoAdminsMacroRunsAreDistinguishableInTheAudit() {
    Chat chat = chatInGroup("first-line");
    String macro =
        api.post(
                "/api/v1/macros",
                ApiClient.ADMIN,
                "{\"name\":\"Note\",\"actions\":[{\"type\":\"ADD_INTERNAL_NOTE\","
                    + "\"value\":\"checked\"}]}")
            .expect(201)
            .json()
            .get("macroId")
            .asText();
    String apply = "/api/v1/tickets/" + chat.ticketId() + "/macros/" + macro;
    ApiClient.Response first = api.post(apply, ApiClient.ADMIN, null);
    ApiClient.Response second = api.post(apply, SECOND_ADMIN, null);
    assertThat(first.status()).isIn(200, 202);
    assertThat(second.status()).isIn(200, 202);
    // The macro run itself names who applied it, in its answer and when looked up later.
    assertThat(first.json().get("actedBy").asText()).isEqualTo("admin dev-admin");
    assertThat(second.json().get("actedBy").asText()).isEqualTo("admin ops-bot");
    String run = second.json().get("runId").asText();
    assertThat(
            api.get("/api/v1/automation-runs/" + run, ApiClient.ADMIN)
                .json()
                .get("actedBy")
                .asText())
        .isEqualTo("admin ops-bot");
    ApiClient.await(
        java.time.Duration.ofSeconds(20),
        () -> audit(chat.ticketId()).stream().filter(d -> d.contains("via macro")).count() == 2);

    List<String> notes =
        audit(chat.ticketId()).stream().filter(d -> d.contains("via macro")).toList();
    assertThat(notes).hasSize(2);
    assertThat(notes).anySatisfy(d -> assertThat(d).contains("admin dev-admin via macro"));
    assertThat(notes).anySatisfy(d -> assertThat(d).contains("admin ops-bot via macro"));
  }
}
