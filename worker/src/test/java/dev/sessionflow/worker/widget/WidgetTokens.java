package dev.sessionflow.worker.widget;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Verified visitors' JWTs as a customer's backend signs them. */
public final class WidgetTokens {
  private WidgetTokens() {}

  public static String sign(String kid, String secret, String externalId, Duration lifetime) {
    return sign(kid, secret, externalId, lifetime, null);
  }

  /** With a not-before time ({@code nbf}); null for none. */
  static String sign(
      String kid, String secret, String externalId, Duration lifetime, Instant notBefore) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .notBeforeTime(notBefore == null ? null : Date.from(notBefore))
            .claim("external_id", externalId)
            .claim("name", "Ana Verified")
            .claim("email", "ana@example.com")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(lifetime)));
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims.build());
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
