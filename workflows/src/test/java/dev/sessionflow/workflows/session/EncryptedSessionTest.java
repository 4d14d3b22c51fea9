package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import dev.sessionflow.workflows.codec.EncryptedDataConverter;
import dev.sessionflow.workflows.codec.PayloadKeys;
import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session whose every payload is encrypted, failures included, behaves as a plain one. */
class EncryptedSessionTest {
  private static final SessionTimers TIMERS = MessagingSessionTest.TIMERS;

  RecordingActivities activities;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    PayloadKeys keys = PayloadKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[32]));
    env = SessionTestEnvironment.startEncrypted(EncryptedDataConverter.of(keys), activities);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aRefusedEndIsStillReadAsSessionEndedThoughItsMessageIsEncrypted() {
    MessagingSession session =
        SessionTestEnvironment.open(
            client, "e1", TIMERS, SessionPolicy.defaults().withReopenWithin(Duration.ofMinutes(5)));
    session.message(ChatMessage.fromEndUser("m1"));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));

    assertThatThrownBy(() -> session.end(new EndRequest(EndedBy.ADMIN, null, null, null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(e -> assertThat(SessionErrors.isSessionEnded(e)).isTrue());
    assertThat(SessionTestEnvironment.outcome(session).end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(encodings(client.fetchHistory(MessagingSession.workflowId("e1")).getHistory()))
        .isNotEmpty()
        .containsOnly("binary/encrypted");
  }

  @Test
  void aSessionStartedBeforeEncryptionGoesOnUnderIt() {
    WorkflowClient plain =
        WorkflowClient.newInstance(
            env.getWorkflowServiceStubs(),
            io.temporal.client.WorkflowClientOptions.newBuilder()
                .setNamespace(env.getNamespace())
                .build());
    MessagingSession before =
        SessionTestEnvironment.open(plain, "e2", TIMERS, SessionPolicy.defaults());
    before.message(ChatMessage.fromEndUser("m1"));

    MessagingSession after =
        client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId("e2"));
    after.message(ChatMessage.fromAgent("a1", "agent-1"));
    after.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));

    SessionOutcome outcome = SessionTestEnvironment.outcome(after);
    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(outcome.messageCount()).isEqualTo(2);
    // The start input is plain, what came after it is encrypted.
    assertThat(encodings(client.fetchHistory(MessagingSession.workflowId("e2")).getHistory()))
        .startsWith("json/plain")
        .contains("binary/encrypted");
  }

  /**
   * The encoding of every payload in the message, in order; search attributes and version markers
   * aside: the server indexes the first and the SDK writes the second in clear, and they hold only
   * ids, statuses and change ids.
   */
  static List<String> encodings(Message message) {
    List<String> found = new ArrayList<>();
    if (message instanceof io.temporal.api.common.v1.SearchAttributes
        || message instanceof MarkerRecordedEventAttributes marker
            && marker.getMarkerName().equals("Version")) {
      return found;
    }
    if (message instanceof Payload payload) {
      found.add(payload.getMetadataOrThrow("encoding").toStringUtf8());
      return found;
    }
    message
        .getAllFields()
        .forEach(
            (field, value) -> {
              if (field.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                return;
              }
              for (Object item : field.isRepeated() ? (List<?>) value : List.of(value)) {
                found.addAll(encodings((Message) item));
              }
            });
    return found;
  }
}
