package dev.sessionflow.activities.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivery signatures. The Standard Webhooks one: {@code webhook-signature: v1,<base64>}, the
 * HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} under the base64-decoded part of
 * the {@code whsec_} secret. (The signature of earlier releases, {@code X-Sessionflow-Signature},
 * had no timestamp, so a captured delivery could be replayed: it is no longer sent.)
 */
public final class WebhookSigner {
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";

  private WebhookSigner() {}

  /** One {@code v1,<base64>} signature of a delivery. */
  public static String standard(String secret, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return "v1,"
        + Base64.getEncoder().encodeToString(hmac(WebhookSecrets.keyBytes(secret), content));
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
