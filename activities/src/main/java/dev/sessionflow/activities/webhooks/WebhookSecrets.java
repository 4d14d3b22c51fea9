package dev.sessionflow.activities.webhooks;

import dev.sessionflow.activities.support.DevelopmentMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets at rest: AES-GCM under {@code sessionflow.webhooks.secret-key}
 * (SESSIONFLOW_WEBHOOKS_SECRET_KEY, base64). The prod profile refuses to start without a key;
 * elsewhere a development key is used, with a warning.
 */
@Component
public class WebhookSecrets {
  private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
  private static final String PREFIX = "aesgcm:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** {@code whsec_} and the base64 of 24 to 64 random bytes (the Standard Webhooks form). */
  private static final String B64 = "[A-Za-z0-9+/]";

  /**
   * {@code whsec_} and padded base64 of 24 to 64 bytes, as a pattern the OpenAPI document can
   * carry: n whole groups of four characters, then a last one with 3, 1 or 2 bytes.
   */
  public static final String SECRET_PATTERN =
      "^whsec_(?:(?:"
          + B64
          + "{4}){7,20}"
          + B64
          + "{4}|(?:"
          + B64
          + "{4}){8,21}"
          + B64
          + "{2}==|(?:"
          + B64
          + "{4}){8,20}"
          + B64
          + "{3}=)$";

  private static final Pattern FORMAT = Pattern.compile(SECRET_PATTERN);

  private static final byte[] DEVELOPMENT_KEY =
      "sessionflow-development-key-only".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  public WebhookSecrets(WebhookProperties properties, Environment env) {
    this(key(properties.secretKey(), DevelopmentMode.allowed(env)));
  }

  WebhookSecrets(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The configured key; the development key only where development stand-ins are allowed (fully
   * embedded, or the dev profile): anywhere else a well-known key would leave the secrets as good
   * as plain text.
   */
  static byte[] key(String configured, boolean development) {
    if (configured == null || configured.isBlank()) {
      if (!development) {
        throw new IllegalStateException(
            "Refusing to start: no SESSIONFLOW_WEBHOOKS_SECRET_KEY to encrypt webhook secrets"
                + " (base64 of 32 random bytes: openssl rand -base64 32); only a fully embedded"
                + " service or the dev profile may use the development key");
      }
      log.warn("webhook secrets are encrypted with the development key: set a secret key");
      return DEVELOPMENT_KEY;
    }
    byte[] key = Base64.getDecoder().decode(configured.trim());
    if (!Set.of(16, 24, 32).contains(key.length)) {
      throw new IllegalStateException(
          "sessionflow.webhooks.secret-key must be the base64 of 16, 24 or 32 bytes");
    }
    return key;
  }

  /** Whether a secret has the {@code whsec_<base64>} form. */
  public static boolean wellFormed(String secret) {
    if (secret == null || !FORMAT.matcher(secret).matches()) {
      return false;
    }
    try {
      int length = keyBytes(secret).length;
      return length >= 24 && length <= 64;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The HMAC key a {@code whsec_} secret stands for. */
  static byte[] keyBytes(String secret) {
    return Base64.getDecoder().decode(secret.substring("whsec_".length()));
  }

  public String encrypt(String secret) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
      return PREFIX + Base64.getEncoder().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** The secret as saved; a value stored before encryption came in is read as it is. */
  public String decrypt(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(all, IV_BYTES)));
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a webhook secret does not decrypt: was sessionflow.webhooks.secret-key changed?", e);
    }
  }
}
