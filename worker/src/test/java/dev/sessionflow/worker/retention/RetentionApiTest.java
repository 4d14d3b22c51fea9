package dev.sessionflow.worker.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.retention.Purged;
import dev.sessionflow.workflows.retention.TranscriptRetention;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin sets retention, sees what is due, and a pass purges exactly that. */
class RetentionApiTest extends ApiTestBase {
  @Autowired WorkflowClient temporal;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void keepForEver() {
    api.put("/api/v1/retention", ApiClient.ADMIN, "{\"transcriptsKeptFor\":null}").expect(200);
  }

  /** A surveyed, commented session that ended {@code daysAgo} days ago. */
  private String endedSession(int daysAgo) {
    String conversation = newConversation();
    String sessionId =
        api.endUserSays(conversation, "m-1", "My card number is 4111 1111")
            .get("sessionId")
            .asText();
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Blocked it for you");
    api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, "{}").expect(200);
    ApiClient.await(
        Duration.ofSeconds(20),
        () -> api.transcript(conversation).toString().contains("surveyToken"));
    String token = api.invitation(conversation).get("surveyToken").asText();
    api.post("/api/v1/csat/" + token, null, "{\"rating\":4,\"comment\":\"Ask for Joana again\"}")
        .expect(200);
    jdbc.sql("update sessions set ended_at = :at where session_id = :id")
        .param(
            "at",
            OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC))
        .param("id", sessionId)
        .update();
    return conversation;
  }

  private Purged pass() {
    return temporal
        .newWorkflowStub(
            TranscriptRetention.class,
            WorkflowOptions.newBuilder(RetentionSchedule.passOptions())
                .setWorkflowId("retention-test-" + UUID.randomUUID())
                .build())
        .run();
  }

  private static boolean anyText(JsonNode transcript, String text) {
    return StreamSupport.stream(transcript.spliterator(), false)
        .anyMatch(m -> m.path("text").asText().contains(text));
  }

  @Test
  void aPassEmptiesTheTranscriptsAndCommentsThatTheDryRunCounted() {
    String old = endedSession(40);
    String recent = endedSession(3);

    JsonNode set =
        api.put("/api/v1/retention", ApiClient.ADMIN, "{\"transcriptsKeptFor\":\"P30D\"}")
            .expect(200)
            .json();

    assertThat(set.get("transcriptsKeptFor").asText()).isEqualTo("P30D");
    assertThat(set.get("dueNow").get("sessions").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(set.get("dueNow").get("surveyComments").asLong()).isGreaterThanOrEqualTo(1);
    long dueMessages = set.get("dueNow").get("messages").asLong();

    Purged purged = pass();

    assertThat(purged.messages()).isEqualTo(dueMessages);
    assertThat(anyText(api.transcript(old), "4111")).isFalse();
    assertThat(anyText(api.transcript(recent), "4111")).isTrue();
    assertThat(
            jdbc.sql("select count(*) from surveys where comment = 'Ask for Joana again'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    JsonNode after = api.get("/api/v1/retention", ApiClient.ADMIN).expect(200).json();
    assertThat(after.get("dueNow").get("sessions").asLong()).isZero();
    assertThat(after.get("runs").get(0).get("messages").asLong()).isEqualTo(dueMessages);
    // What SessionflowRetentionNotRunning reads.
    String metrics = api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body();
    assertThat(metrics)
        .containsPattern("(?m)^sessionflow_retention_kept_days(\\{[^}]*\\})? 30\\.0$")
        .containsPattern("(?m)^sessionflow_retention_passes_total(\\{[^}]*\\})? [1-9]");
  }

  @Test
  void offUntilSetAndOnlyWholeDaysInRange() {
    JsonNode off = api.get("/api/v1/retention", ApiClient.ADMIN).expect(200).json();
    assertThat(off.get("transcriptsKeptFor").isNull()).isTrue();
    assertThat(off.get("dueNow").get("sessions").asLong()).isZero();

    for (String bad : new String[] {"\"PT12H\"", "\"P0D\"", "\"P3651D\"", "\"a year\"", "7"}) {
      api.put("/api/v1/retention", ApiClient.ADMIN, "{\"transcriptsKeptFor\":" + bad + "}")
          .expectProblem(400, "validation");
    }
    api.put("/api/v1/retention", ApiClient.ADMIN, "{\"keepFor\":\"P1D\"}")
        .expectProblem(400, "validation");
    api.put("/api/v1/retention", ApiClient.AGENT_1, "{}").expectProblem(403, "forbidden");
  }
}
