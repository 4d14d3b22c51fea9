package dev.sessionflow.workflows.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import io.temporal.payload.context.HasWorkflowSerializationContext;
import io.temporal.payload.context.SerializationContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * AES-GCM over the whole payload (its metadata and data). A session's payloads (the codec's context
 * names its workflow) are under that session's data key ({@link DataKeys}), so an erasure can shred
 * them; every other payload is under the current payload key. The encrypted payload says only
 * {@code binary/encrypted} and the key's id, so the Web UI and the CLI show nothing without the
 * codec server. A payload without that encoding (written before encryption, or typed by an operator
 * into the CLI) is passed through as is, so an upgrade strands no running session.
 */
public final class PayloadEncryption implements PayloadCodec {
  public static final String ENCODING = "binary/encrypted";
  public static final String KEY_ID = "encryption-key-id";

  /** Names the data key of a session's payload, instead of {@link #KEY_ID}. */
  public static final String DATA_KEY_ID = "encryption-data-key-id";

  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);
  private static final String SESSION_PREFIX = MessagingSession.workflowId("");

  /** Binds each ciphertext to this use, so it cannot pass for another of the key's ciphertexts. */
  private static final byte[] CONTEXT = "sessionflow payload v1".getBytes(StandardCharsets.UTF_8);

  private final PayloadKeys keys;
  private final DataKeys dataKeys;

  /** The session whose data key encrypts; null: the payload key. */
  private final String subject;

  public PayloadEncryption(PayloadKeys keys) {
    this(keys, null, null);
  }

  /** With the store's data keys: a session's payloads go under its own key. */
  public PayloadEncryption(PayloadKeys keys, DataKeys dataKeys) {
    this(keys, dataKeys, null);
  }

  private PayloadEncryption(PayloadKeys keys, DataKeys dataKeys, String subject) {
    this.keys = keys;
    this.dataKeys = dataKeys;
    this.subject = subject;
  }

  /** The session a workflow id names, if it is a session's: its data key's subject. */
  static String subjectOf(SerializationContext context) {
    if (context instanceof HasWorkflowSerializationContext workflow
        && workflow.getWorkflowId() != null
        && workflow.getWorkflowId().startsWith(SESSION_PREFIX)) {
      return workflow.getWorkflowId().substring(SESSION_PREFIX.length());
    }
    return null;
  }

  @Override
  public PayloadCodec withContext(SerializationContext context) {
    return dataKeys == null ? this : new PayloadEncryption(keys, dataKeys, subjectOf(context));
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  /**
   * As {@link #decode}, except that a payload whose data key is destroyed stays as it is: what the
   * codec server shows of an erased end user.
   */
  public List<Payload> decodeWhatIsLeft(List<Payload> payloads) {
    return payloads.stream().map(p -> shredded(p) ? p : decrypt(p)).toList();
  }

  private boolean shredded(Payload payload) {
    ByteString dataKey = payload.getMetadataMap().get(DATA_KEY_ID);
    return dataKey != null && dataKeys != null && dataKeys.byId(dataKey.toStringUtf8()).isEmpty();
  }

  private Payload encrypt(Payload payload) {
    String metadata = KEY_ID;
    String keyId = keys.currentId();
    SecretKey key = keys.current();
    if (subject != null) {
      DataKeys.DataKey dataKey = dataKeys.of(subject);
      metadata = DATA_KEY_ID;
      keyId = dataKey.id();
      key = dataKey.key();
    }
    try {
      return Payload.newBuilder()
          .putMetadata("encoding", ENCODING_BYTES)
          .putMetadata(metadata, ByteString.copyFromUtf8(keyId))
          .setData(ByteString.copyFrom(Gcm.seal(key, CONTEXT, payload.toByteArray())))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("a payload cannot be encrypted", e);
    }
  }

  private Payload decrypt(Payload payload) {
    if (!ENCODING_BYTES.equals(payload.getMetadataMap().get("encoding"))) {
      return payload;
    }
    SecretKey key = keyOf(payload);
    try {
      return Payload.parseFrom(Gcm.open(key, CONTEXT, payload.getData().toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException("a decrypted payload is not a payload", e);
    } catch (GeneralSecurityException e) {
      // Never the key nor the payload: only that it does not open under the named key.
      throw new PayloadCodecException(
          "a payload does not decrypt under its key (altered, or a different key of that id)", e);
    }
  }

  private SecretKey keyOf(Payload payload) {
    ByteString dataKey = payload.getMetadataMap().get(DATA_KEY_ID);
    if (dataKey != null) {
      String id = dataKey.toStringUtf8();
      if (dataKeys == null) {
        throw new PayloadCodecException(
            "a session's payload under data key '" + id + "' needs the service's store to decode");
      }
      return dataKeys
          .byId(id)
          .orElseThrow(
              () ->
                  new PayloadCodecException(
                      "data key '" + id + "' is destroyed (its end user was erased) or unknown"))
          .key();
    }
    String id = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toStringUtf8();
    return keys.find(id)
        .orElseThrow(
            () ->
                new PayloadCodecException(
                    "payload key '" + id + "' is not among this service's payload keys"));
  }
}
