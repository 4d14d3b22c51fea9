package dev.sessionflow.worker.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.activities.erasure.EndUserData;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.erasure.Erased;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin erases an end user: their running session ends first, then their data goes. */
class ErasureApiTest extends ApiTestBase {
  @Autowired WorkflowClient temporal;
  @Autowired JdbcClient jdbc;

  private String says(String endUserId, String conversation, String messageId, String text) {
    return api.post(
            "/api/v1/conversations/" + conversation + "/messages",
            ApiClient.CHANNEL,
            """
            {"messageId":"%s","endUserId":"%s","endUserName":"Maria Quitéria","text":"%s"}"""
                .formatted(messageId, endUserId, text))
        .expect(202)
        .json()
        .get("sessionId")
        .asText();
  }

  private static boolean anyText(JsonNode transcript, String text) {
    return StreamSupport.stream(transcript.spliterator(), false)
        .anyMatch(m -> m.path("text").asText().contains(text));
  }

  private long erasedAudits(String ticketId) {
    JsonNode ticket = api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN).expect(200).json();
    return StreamSupport.stream(ticket.get("audit").spliterator(), false)
        .filter(a -> a.path("kind").asText().equals("ERASED"))
        .count();
  }

  private Erased erase(String endUserId) {
    JsonNode accepted =
        api.delete("/api/v1/end-users/" + endUserId, ApiClient.ADMIN).expect(202).json();
    String erasureId = accepted.get("erasureId").asText();
    assertThat(erasureId).startsWith("erasure-").doesNotContain(endUserId);
    return temporal.newUntypedWorkflowStub(erasureId).getResult(Erased.class);
  }

  @Test
  void theirRunningSessionEndsAsErasedAndEveryTextNameAndCommentGoes() {
    String endUser = "u-erase-" + UUID.randomUUID();
    String earlier = newConversation();
    String ended = says(endUser, earlier, "m-1", "My address is Rua Augusta 12");
    api.agentSays(ApiClient.AGENT_1, ended, "a-1", "Sent to Rua Augusta 12");
    api.post("/api/v1/sessions/" + ended + "/end", ApiClient.AGENT_1, "{}").expect(200);
    ApiClient.await(
        Duration.ofSeconds(20), () -> api.transcript(earlier).toString().contains("surveyToken"));
    String token = api.invitation(earlier).get("surveyToken").asText();
    api.post("/api/v1/csat/" + token, null, "{\"rating\":2,\"comment\":\"Maria again: late\"}")
        .expect(200);
    String later = newConversation();
    String running = says(endUser, later, "m-1", "Still waiting, card 4111");
    String bystander = newConversation();
    api.endUserSays(bystander, "m-1", "Rua Augusta is my street too");

    Erased erased = erase(endUser);

    assertThat(erased.sessionsEnded()).isEqualTo(1);
    assertThat(erased.conversations()).isEqualTo(2);
    JsonNode endedByErasure = api.session(running);
    assertThat(endedByErasure.get("endReason").asText()).isEqualTo("ERASED");
    assertThat(endedByErasure.get("csat").get("status").asText()).isEqualTo("SKIPPED");
    assertThat(anyText(api.transcript(earlier), "Rua Augusta")).isFalse();
    assertThat(anyText(api.transcript(later), "4111")).isFalse();
    assertThat(anyText(api.transcript(bystander), "Rua Augusta")).isTrue();
    assertThat(
            jdbc.sql(
                    "select count(*) from conversations where end_user_name is not null"
                        + " and end_user_id = :id")
                .param("id", endUser)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from surveys where comment like 'Maria again%'")
                .query(Long.class)
                .single())
        .isZero();
    String ticket = api.session(ended).get("ticketId").asText();
    assertThat(erasedAudits(ticket)).isEqualTo(1);
    // Asked again: nothing more to end or empty, no second audit entry, and the request recorded.
    Erased again = erase(endUser);
    assertThat(again.sessionsEnded()).isZero();
    assertThat(again.messages()).isZero();
    assertThat(erasedAudits(ticket)).isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from end_user_erasures where subject_hash = :hash")
                .param("hash", EndUserData.subjectHash(endUser))
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }
}
