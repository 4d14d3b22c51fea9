package dev.sessionflow.worker.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.sessionflow.activities.datakeys.StoredDataKeys;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.ApiTestBase;
import dev.sessionflow.workflows.codec.PayloadEncryption;
import dev.sessionflow.workflows.codec.PayloadKeys;
import dev.sessionflow.workflows.erasure.Erased;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.payload.codec.PayloadCodecException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasure in Temporal: what a session's history holds of its end user is under that session's data
 * key, and an erasure destroys it, so those payloads open nowhere, the codec server included.
 */
class CryptoShreddingTest extends ApiTestBase {
  private static final String NAME = "Maria Quitéria";

  @Autowired WorkflowClient temporal;
  @Autowired PayloadKeys payloadKeys;
  @Autowired StoredDataKeys dataKeys;

  @AfterEach
  void defaults() {
    restoreDefaultSettings();
  }

  private String says(String endUserId, String conversation, String messageId, String text) {
    return says(endUserId, NAME, conversation, messageId, text);
  }

  private String says(
      String endUserId, String name, String conversation, String messageId, String text) {
    return api.post(
            "/api/v1/conversations/" + conversation + "/messages",
            ApiClient.CHANNEL,
            """
            {"messageId":"%s","endUserId":"%s","endUserName":"%s","text":"%s"}"""
                .formatted(messageId, endUserId, name, text))
        .expect(202)
        .json()
        .get("sessionId")
        .asText();
  }

  /** Every payload anywhere in a session's history (all runs' events, all their fields). */
  private List<Payload> payloads(String sessionId) {
    List<Payload> found = new ArrayList<>();
    temporal
        .fetchHistory(MessagingSession.workflowId(sessionId))
        .getEvents()
        .forEach(e -> collect(e, found));
    return found;
  }

  private static void collect(Object value, List<Payload> found) {
    if (value instanceof Payload payload) {
      found.add(payload);
    } else if (value instanceof Message message) {
      message.getAllFields().values().forEach(v -> collect(v, found));
    } else if (value instanceof Collection<?> values) {
      values.forEach(v -> collect(v, found));
    } else if (value instanceof java.util.Map<?, ?> map) {
      map.values().forEach(v -> collect(v, found));
    }
  }

  private static boolean underDataKey(Payload payload) {
    return payload.getMetadataMap().containsKey(PayloadEncryption.DATA_KEY_ID);
  }

  private String opened(Payload payload) {
    return new PayloadEncryption(payloadKeys, dataKeys)
        .decode(List.of(payload))
        .getFirst()
        .getData()
        .toStringUtf8();
  }

  private Erased erase(String endUserId) {
    String erasureId =
        api.delete("/api/v1/end-users/" + endUserId, ApiClient.ADMIN)
            .expect(202)
            .json()
            .get("erasureId")
            .asText();
    return temporal.newUntypedWorkflowStub(erasureId).getResult(Erased.class);
  }

  private WorkflowExecutionStatus status(String sessionId) {
    return temporal
        .newUntypedWorkflowStub(MessagingSession.workflowId(sessionId))
        .describe()
        .getStatus();
  }

  @Test
  void everyPayloadThatHoldsTheEndUsersNameOrWordsIsUnderTheirSessionsKey() {
    String conversation = newConversation();
    String sessionId = says("u-" + conversation, conversation, "m-1", "card 4111 charged twice");
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Refunding it");
    says("u-" + conversation, conversation, "m-2", "thanks, Rua Augusta 12");
    api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, "{}").expect(200);
    ApiClient.await(
        Duration.ofSeconds(20),
        () -> status(sessionId) != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    List<Payload> personal =
        payloads(sessionId).stream()
            .filter(p -> opened(p).matches("(?s).*(Quit|4111|Augusta|u-c-).*"))
            .toList();

    // Messages reach the session as facts (author, time), their texts stay in the store; the name
    // and id travel in the start input and in what the session hands its store activities.
    assertThat(personal).as("the start input at least").isNotEmpty();
    assertThat(personal).allMatch(CryptoShreddingTest::underDataKey);
  }

  @Test
  void anErasureShredsWhatTemporalHoldsOfTheirSessionsAndOfNoOneElse() throws Exception {
    api.put("/api/v1/settings/messaging", ApiClient.ADMIN, "{\"reopenWithin\": \"PT1H\"}")
        .expect(200);
    String endUser = "u-shred-" + UUID.randomUUID();
    String first = newConversation();
    String ended = says(endUser, first, "m-1", "card 4111 charged twice");
    api.post("/api/v1/sessions/" + ended + "/end", ApiClient.AGENT_1, "{}").expect(200);
    String running = says(endUser, newConversation(), "m-1", "I live at Rua Augusta 12");
    String bystanderConversation = newConversation();
    String bystander =
        says("u-" + bystanderConversation, "Zed Bystander", bystanderConversation, "m-1", "Hi");
    ApiClient.await(Duration.ofSeconds(20), () -> settled(ended));
    assertThat(status(ended))
        .as("waiting out its reopen window")
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    Erased erased = erase(endUser);

    assertThat(erased.dataKeysDestroyed()).isEqualTo(2);
    for (String sessionId : List.of(ended, running)) {
      assertThat(status(sessionId))
          .as("no workflow is left to read a shredded history")
          .isNotEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
      List<Payload> shredded = payloads(sessionId).stream().filter(p -> underDataKey(p)).toList();
      assertThat(shredded).hasSizeGreaterThan(1);
      for (Payload payload : shredded) {
        assertThatThrownBy(() -> opened(payload))
            .isInstanceOf(PayloadCodecException.class)
            .hasMessageContaining("destroyed");
      }
      // The codec server shows them as they are: encrypted.
      String asStored = JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(shredded));
      String shown = api.post("/codec/decode", ApiClient.ADMIN, asStored).expect(200).body();
      assertThat(shown.replaceAll("\\s", "")).isEqualTo(asStored.replaceAll("\\s", ""));
    }
    assertThat(payloads(bystander).stream().map(this::opened))
        .anyMatch(t -> t.contains("Zed Bystander"));
  }

  private boolean settled(String sessionId) {
    return api.get(
            "/api/v1/tickets/" + api.session(sessionId).get("ticketId").asText(), ApiClient.ADMIN)
        .expect(200)
        .json()
        .path("status")
        .asText()
        .equals("SOLVED");
  }
}
