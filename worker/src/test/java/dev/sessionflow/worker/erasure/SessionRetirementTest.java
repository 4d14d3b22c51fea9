package dev.sessionflow.worker.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.support.Times;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which session workflows an erasure terminates before it destroys their data keys: only those with
 * nothing left to do, as the workflow itself says, whatever the store already holds.
 */
class SessionRetirementTest extends ApiTestBase {
  @Autowired ErasureActivitiesImpl erasure;
  @Autowired WorkflowClient temporal;
  @Autowired JdbcClient jdbc;

  @Test
  void aSessionTheStoreHoldsSettledIsLeftToFinishWhatFollowsItsSettlement() {
    // Between the close-and-settle's commit and the triggers' start, the store holds the session
    // ended and its ticket settled while its workflow still has its end's work to do.
    String endUser = "u-retire-" + UUID.randomUUID();
    String conversation = newConversation();
    String sessionId =
        api.post(
                "/api/v1/conversations/" + conversation + "/messages",
                ApiClient.CHANNEL,
                """
                {"messageId":"m-1","endUserId":"%s","text":"hello"}"""
                    .formatted(endUser))
            .expect(202)
            .json()
            .get("sessionId")
            .asText();
    jdbc.sql("update sessions set status = 'ENDED', ended_at = :now where session_id = :s")
        .param("now", Times.db(Instant.now()))
        .param("s", sessionId)
        .update();
    jdbc.sql(
            "update tickets set settled_at = :now where ticket_id ="
                + " (select ticket_id from sessions where session_id = :s)")
        .param("now", Times.db(Instant.now()))
        .param("s", sessionId)
        .update();

    assertThat(erasure.retireSessions(endUser)).containsExactly(sessionId);
    assertThat(
            temporal
                .newUntypedWorkflowStub(MessagingSession.workflowId(sessionId))
                .describe()
                .getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
  }
}
