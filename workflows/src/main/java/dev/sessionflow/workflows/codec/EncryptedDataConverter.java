package dev.sessionflow.workflows.codec;

import dev.sessionflow.workflows.model.NoPersonalData;
import dev.sessionflow.workflows.session.SessionErrors;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.context.SerializationContext;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data converter of every client and worker of the sessions: the SDK's JSON conversion, then
 * encryption of every payload. A failure's message and stack trace are moved into an encrypted
 * payload too, so a failure's text shows no end-user data; except the session's own business
 * failures ({@link SessionErrors}), whose messages name only ids and which callers must tell apart:
 * SDK 1.38.0 wraps an Update validator's failure once more (sdk-java issue 2875), losing an encoded
 * message on the way.
 */
public final class EncryptedDataConverter implements DataConverter {
  private static final Set<String> CLEAR_FAILURES =
      Set.of(SessionErrors.SESSION_ENDED, SessionErrors.INVALID_REQUEST);

  /** In a session's context, under its data key. */
  private final DataConverter encrypted;

  /**
   * Under the payload key whatever the context: {@link NoPersonalData} values, plain strings (a
   * session's summary and details, ids, alerts: never an end user's words, which travel in records)
   * and failures; so the Web UI lists summaries, and clients without the store read answers, after
   * an erasure too.
   */
  private final DataConverter underPayloadKey;

  private final DataConverter clearFailures;

  private EncryptedDataConverter(
      DataConverter encrypted, DataConverter underPayloadKey, DataConverter clearFailures) {
    this.encrypted = encrypted;
    this.underPayloadKey = underPayloadKey;
    this.clearFailures = clearFailures;
  }

  /** For clients without the store: every payload under the payload keys. */
  public static DataConverter of(PayloadKeys keys) {
    return of(keys, null);
  }

  /** The service's: a session's payloads under its data key (erasable), the rest under keys. */
  public static DataConverter of(PayloadKeys keys, DataKeys dataKeys) {
    List<io.temporal.payload.codec.PayloadCodec> codec =
        List.of(new PayloadEncryption(keys, dataKeys));
    DataConverter json = DefaultDataConverter.newDefaultInstance();
    DataConverter underKeys = new CodecDataConverter(json, codec, true);
    return new EncryptedDataConverter(
        underKeys, underKeys, new CodecDataConverter(json, codec, false));
  }

  private DataConverter converterFor(Object... values) {
    if (values == null) {
      return underPayloadKey; // no arguments
    }
    for (Object value : values) {
      if (value != null && !(value instanceof NoPersonalData) && !(value instanceof String)) {
        return encrypted;
      }
    }
    return underPayloadKey;
  }

  @Override
  public <T> Optional<Payload> toPayload(T value) {
    return converterFor(value).toPayload(value);
  }

  @Override
  public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
    return encrypted.fromPayload(payload, valueClass, valueType);
  }

  @Override
  public Optional<Payloads> toPayloads(Object... values) {
    return converterFor(values).toPayloads(values);
  }

  @Override
  public <T> T fromPayloads(
      int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType) {
    return encrypted.fromPayloads(index, content, valueType, valueGenericType);
  }

  @Override
  public Object[] fromPayloads(
      Optional<Payloads> content, Class<?>[] parameterTypes, Type[] genericParameterTypes) {
    return encrypted.fromPayloads(content, parameterTypes, genericParameterTypes);
  }

  @Override
  public Failure exceptionToFailure(Throwable throwable) {
    boolean business =
        throwable instanceof ApplicationFailure failure
            && CLEAR_FAILURES.contains(failure.getType());
    return (business ? clearFailures : underPayloadKey).exceptionToFailure(throwable);
  }

  @Override
  public RuntimeException failureToException(Failure failure) {
    return encrypted.failureToException(failure);
  }

  @Override
  public DataConverter withContext(SerializationContext context) {
    // Failures stay under the payload key: a client reads a session's refusal without the store.
    return new EncryptedDataConverter(
        encrypted.withContext(context), underPayloadKey, clearFailures);
  }
}
