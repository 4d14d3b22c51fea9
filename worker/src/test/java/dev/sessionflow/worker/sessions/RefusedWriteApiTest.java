package dev.sessionflow.worker.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A close the database refuses for good, as a real constraint refuses it: the session stalls at
 * once with its alert (no quick attempts, no hourly ones) and closes when ops retry after fixing
 * the cause. Only sessions ended with this test's reason meet the constraint.
 */
class RefusedWriteApiTest extends ApiTestBase {
  private static final String REASON = "REFUSED_BY_TEST";

  @Autowired JdbcClient jdbc;
  @Autowired WorkflowClient temporal;

  @AfterEach
  void dropTheConstraint() {
    jdbc.sql("alter table sessions drop constraint if exists refuse_this_reason").update();
  }

  @Test
  void aCloseTheDatabaseRefusesStallsAtOnceAndGoesThroughWhenOpsRetry() {
    jdbc.sql(
            "alter table sessions add constraint refuse_this_reason"
                + " check (end_reason is null or end_reason <> '"
                + REASON
                + "')")
        .update();
    String c = newConversation();
    String s = api.endUserSays(c, "m-1", "Hello").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, s, "a-1", "Done?");
    Thread.ofVirtual()
        .start(
            () ->
                api.post(
                    "/api/v1/sessions/" + s + "/end",
                    ApiClient.AGENT_1,
                    "{\"reason\":\"" + REASON + "\"}"));

    MessagingSession session =
        temporal.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(s));
    ApiClient.await(Duration.ofSeconds(20), () -> session.storeAlert() != null);
    assertThat(session.storeAlert())
        .startsWith("close stalled since")
        .contains("after 1 attempt")
        .contains("refused (waits for retryStore)")
        .containsIgnoringCase("REFUSE_THIS_REASON");
    assertThat(api.session(s).get("status").asText()).isNotEqualTo("ENDED");

    dropTheConstraint(); // ops fix the cause
    session.retryStore();
    ApiClient.await(
        Duration.ofSeconds(20), () -> "ENDED".equals(api.session(s).get("status").asText()));
    assertThat(api.session(s).get("endReason").asText()).isEqualTo(REASON);
    ApiClient.await(Duration.ofSeconds(20), () -> session.storeAlert() == null);
  }
}
