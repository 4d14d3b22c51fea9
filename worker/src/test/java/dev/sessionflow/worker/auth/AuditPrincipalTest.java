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
  }
}
