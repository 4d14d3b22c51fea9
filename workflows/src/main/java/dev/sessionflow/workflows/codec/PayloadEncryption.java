package dev.sessionflow.workflows.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM over the whole payload (its metadata and data), under the current key. The encrypted
 * payload says only {@code binary/encrypted} and the key's id, so the Web UI and the CLI show
 * nothing without the codec server. A payload without that encoding (written before encryption, or
 * typed by an operator into the CLI) is passed through as is, so an upgrade strands no running
 * session.
 */
public final class PayloadEncryption implements PayloadCodec {
  public static final String ENCODING = "binary/encrypted";
  public static final String KEY_ID = "encryption-key-id";

  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);
  private static final String CIPHER = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** Binds each ciphertext to this use, so it cannot pass for another of the key's ciphertexts. */
  private static final byte[] CONTEXT = "sessionflow payload v1".getBytes(StandardCharsets.UTF_8);

  private final PayloadKeys keys;
  private final SecureRandom random = new SecureRandom();

  public PayloadEncryption(PayloadKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.current(), nonce, payload.toByteArray());
    return Payload.newBuilder()
        .putMetadata("encoding", ENCODING_BYTES)
        .putMetadata(KEY_ID, ByteString.copyFromUtf8(keys.currentId()))
        .setData(
            ByteString.copyFrom(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    if (!ENCODING_BYTES.equals(payload.getMetadataMap().get("encoding"))) {
      return payload;
    }
    String id = payload.getMetadataOrDefault(KEY_ID, ByteString.EMPTY).toStringUtf8();
    SecretKey key =
        keys.find(id)
            .orElseThrow(
                () ->
                    new PayloadCodecException(
                        "payload key '" + id + "' is not among this service's payload keys"));
    byte[] data = payload.getData().toByteArray();
    if (data.length <= NONCE_BYTES) {
      throw new PayloadCodecException("an encrypted payload is too short");
    }
    byte[] nonce = Arrays.copyOf(data, NONCE_BYTES);
    byte[] sealed = Arrays.copyOfRange(data, NONCE_BYTES, data.length);
    try {
      return Payload.parseFrom(run(Cipher.DECRYPT_MODE, key, nonce, sealed));
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException("a decrypted payload is not a payload", e);
    }
  }

  private static byte[] run(int mode, SecretKey key, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(CIPHER);
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(CONTEXT);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // Never the key nor the payload: only that it does not open under the named key.
      throw new PayloadCodecException(
          "a payload does not decrypt under its key (altered, or a different key of that id)", e);
    }
  }
}
