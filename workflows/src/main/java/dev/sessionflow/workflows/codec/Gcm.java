package dev.sessionflow.workflows.codec;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a fresh 96-bit nonce, carried before the ciphertext; the one cipher of the codec.
 */
final class Gcm {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Gcm() {}

  static byte[] seal(SecretKey key, byte[] context, byte[] plain) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, context).doFinal(plain);
    return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
  }

  static byte[] open(SecretKey key, byte[] context, byte[] data) throws GeneralSecurityException {
    if (data.length <= NONCE_BYTES) {
      throw new GeneralSecurityException("too short to be sealed");
    }
    return cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(data, NONCE_BYTES), context)
        .doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] context)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context);
    return cipher;
  }
}
