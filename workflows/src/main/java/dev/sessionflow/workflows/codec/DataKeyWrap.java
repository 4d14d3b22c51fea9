package dev.sessionflow.workflows.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys at rest: AES-GCM under the current payload key, bound to the data key's id, so the
 * store alone (a backup, a read replica) opens no payload.
 */
public final class DataKeyWrap {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PayloadKeys keys;

  public DataKeyWrap(PayloadKeys keys) {
    this.keys = keys;
  }

  /**
   * A data key as the store holds it.
   *
   * @param wrappedBy the payload key it is wrapped under
   * @param wrapped base64 of nonce and ciphertext
   */
  public record Wrapped(String id, String wrappedBy, String wrapped) {}

  /** A new random data key, with a new random id. */
  public static DataKeys.DataKey fresh() {
    byte[] id = new byte[12];
    byte[] key = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(key);
    return new DataKeys.DataKey(
        "dk-" + HexFormat.of().formatHex(id), new SecretKeySpec(key, "AES"));
  }

  public Wrapped wrap(DataKeys.DataKey key) {
    try {
      return new Wrapped(
          key.id(),
          keys.currentId(),
          Base64.getEncoder()
              .encodeToString(Gcm.seal(keys.current(), context(key.id()), key.key().getEncoded())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("data key " + key.id() + " cannot be wrapped", e);
    }
  }

  /**
   * @throws IllegalStateException if its payload key is gone or it does not open under it
   */
  public DataKeys.DataKey unwrap(Wrapped wrapped) {
    SecretKey wrapping =
        keys.find(wrapped.wrappedBy())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "data key "
                            + wrapped.id()
                            + " is wrapped under payload key '"
                            + wrapped.wrappedBy()
                            + "', no longer among the payload keys"));
    try {
      byte[] key =
          Gcm.open(wrapping, context(wrapped.id()), Base64.getDecoder().decode(wrapped.wrapped()));
      return new DataKeys.DataKey(wrapped.id(), new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "data key " + wrapped.id() + " does not open under its payload key", e);
    }
  }

  private static byte[] context(String id) {
    return ("sessionflow data key v1 " + id).getBytes(StandardCharsets.UTF_8);
  }
}
