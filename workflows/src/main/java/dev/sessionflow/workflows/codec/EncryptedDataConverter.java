package dev.sessionflow.workflows.codec;

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

  private final DataConverter encrypted;
  private final DataConverter clearFailures;

  private EncryptedDataConverter(DataConverter encrypted, DataConverter clearFailures) {
    this.encrypted = encrypted;
    this.clearFailures = clearFailures;
  }

  public static DataConverter of(PayloadKeys keys) {
    List<io.temporal.payload.codec.PayloadCodec> codec = List.of(new PayloadEncryption(keys));
    DataConverter json = DefaultDataConverter.newDefaultInstance();
    return new EncryptedDataConverter(
        new CodecDataConverter(json, codec, true), new CodecDataConverter(json, codec, false));
  }

  @Override
  public <T> Optional<Payload> toPayload(T value) {
    return encrypted.toPayload(value);
  }

  @Override
  public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
    return encrypted.fromPayload(payload, valueClass, valueType);
  }

  @Override
  public Optional<Payloads> toPayloads(Object... values) {
    return encrypted.toPayloads(values);
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
    return (business ? clearFailures : encrypted).exceptionToFailure(throwable);
  }

  @Override
  public RuntimeException failureToException(Failure failure) {
    return encrypted.failureToException(failure);
  }

  @Override
  public DataConverter withContext(SerializationContext context) {
    return new EncryptedDataConverter(
        encrypted.withContext(context), clearFailures.withContext(context));
  }
}
