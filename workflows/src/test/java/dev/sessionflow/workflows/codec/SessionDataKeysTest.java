package dev.sessionflow.workflows.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionStatus;
import dev.sessionflow.workflows.session.EndResult;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import io.temporal.payload.context.ActivitySerializationContext;
import io.temporal.payload.context.WorkflowSerializationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionDataKeysTest {
  /** The store's data keys, in memory: {@code destroy} is what an erasure does. */
  static final class MemoryDataKeys implements DataKeys {
    final Map<String, DataKey> bySubject = new HashMap<>();

    @Override
    public synchronized DataKey of(String subject) {
      return bySubject.computeIfAbsent(subject, s -> DataKeyWrap.fresh());
    }

    @Override
    public synchronized Optional<DataKey> byId(String keyId) {
      return bySubject.values().stream().filter(k -> k.id().equals(keyId)).findFirst();
    }

    synchronized void destroy(String subject) {
      bySubject.remove(subject);
    }
  }

  final PayloadKeys keys = PayloadKeys.development();
  final MemoryDataKeys dataKeys = new MemoryDataKeys();
  final DataConverter service = EncryptedDataConverter.of(keys, dataKeys);

  DataConverter inWorkflow(String workflowId) {
    return service.withContext(new WorkflowSerializationContext("default", workflowId));
  }

  static String metadata(Payload payload, String key) {
    return payload.getMetadataMap().containsKey(key)
        ? payload.getMetadataMap().get(key).toStringUtf8()
        : null;
  }

  /** What an end user said, as a session's values carry it: in a record, never a bare string. */
  static Map<String, String> said(String text) {
    return Map.of("text", text);
  }

  static String opened(DataConverter converter, Payload payload) {
    return converter.fromPayload(payload, Map.class, Map.class).get("text").toString();
  }

  @Test
  void aSessionsPayloadsGoUnderItsOwnKeyAndOpenNoMoreOnceItIsDestroyed() {
    Payload said =
        inWorkflow("session-s1").toPayload(said("Maria: my order never came")).orElseThrow();
    Payload other = inWorkflow("session-s2").toPayload(said("Zed: hello")).orElseThrow();

    String keyId = metadata(said, PayloadEncryption.DATA_KEY_ID);
    assertThat(keyId).isEqualTo(dataKeys.of("s1").id()).isNotEqualTo(dataKeys.of("s2").id());
    assertThat(metadata(said, PayloadEncryption.KEY_ID)).as("no payload key named").isNull();
    assertThat(said.toByteString().toStringUtf8()).doesNotContain("Maria", "s1");
    assertThat(opened(service, said)).startsWith("Maria");

    dataKeys.destroy("s1");

    assertThatThrownBy(() -> opened(service, said))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("destroyed");
    assertThat(opened(service, other)).isEqualTo("Zed: hello");
  }

  @Test
  void anActivityOfTheSessionUsesItsKeyToo() {
    Payload input =
        service
            .withContext(
                new ActivitySerializationContext(
                    "default", "session-s1", "MessagingSession", "Close", "q", true))
            .toPayload(said("Maria"))
            .orElseThrow();

    assertThat(metadata(input, PayloadEncryption.DATA_KEY_ID)).isEqualTo(dataKeys.of("s1").id());
  }

  @Test
  void idsAndStatesOtherWorkflowsAndFailuresStayUnderThePayloadKey() {
    EndResult result =
        new EndResult("s1", SessionStatus.ENDED, EndedBy.AGENT, "RESOLVED", Instant.EPOCH);
    Payload answer = inWorkflow("session-s1").toPayload(result).orElseThrow();
    Payload webhook =
        inWorkflow("webhook-h1-session.ended:s1").toPayload(said("Maria")).orElseThrow();
    Payload summary = inWorkflow("session-s1").toPayload("Ticket 1001 on web").orElseThrow();

    assertThat(metadata(answer, PayloadEncryption.KEY_ID)).isEqualTo("dev");
    assertThat(metadata(webhook, PayloadEncryption.KEY_ID)).isEqualTo("dev");
    assertThat(metadata(summary, PayloadEncryption.KEY_ID))
        .as("a summary, an id: strings never carry an end user's words")
        .isEqualTo("dev");
    assertThat(dataKeys.bySubject).as("no data key made for them").isEmpty();

    // A client without the store (the benchmark's, an ops script) reads the answer, not the text.
    DataConverter client = EncryptedDataConverter.of(keys);
    assertThat(client.fromPayload(answer, EndResult.class, EndResult.class)).isEqualTo(result);
    Payload said = inWorkflow("session-s1").toPayload(said("Maria")).orElseThrow();
    assertThatThrownBy(() -> opened(client, said))
        .hasStackTraceContaining("needs the service's store");
    // and the service reads what such a client wrote, under the payload key
    Payload fromClient =
        client
            .withContext(new WorkflowSerializationContext("default", "session-s1"))
            .toPayload(said("Maria"))
            .orElseThrow();
    assertThat(metadata(fromClient, PayloadEncryption.KEY_ID)).isEqualTo("dev");
    assertThat(opened(service, fromClient)).isEqualTo("Maria");
  }

  @Test
  void theCodecServerLeavesAShreddedPayloadAsItIsAndDecodesTheRest() {
    PayloadEncryption codec = new PayloadEncryption(keys, dataKeys);
    Payload said = inWorkflow("session-s1").toPayload(said("Maria")).orElseThrow();
    Payload ids = inWorkflow("webhook-h1-x").toPayload("ids").orElseThrow();
    dataKeys.destroy("s1");

    List<Payload> shown = codec.decodeWhatIsLeft(List.of(said, ids));

    assertThat(shown.get(0)).isEqualTo(said);
    assertThat(shown.get(1).getData().toStringUtf8()).isEqualTo("\"ids\"");
  }
}
