package dev.sessionflow.activities.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivery signatures. The Standard Webhooks one: {@code webhook-signature: v1,<base64>}, the
 * HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} under the base64-decoded part of
 * the {@code whsec_} secret. The legacy one (sent for one more release): {@code
 * X-Sessionflow-Signature: sha256=<hex>}, the HMAC-SHA256 of the body under the secret's text.
 */
public final class WebhookSigner {
  public static final String HEADER = "X-Sessionflow-Signature";
  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";

  private WebhookSigner() {}

  public static String sign(String secret, byte[] body) {
    return "sha256="
        + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
  }

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
