package dev.sessionflow.worker.widget;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.sessionflow.activities.widget.WidgetKeyStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Verified visitors' JWTs, signed by the customer's backend with a widget key: HS256, the key's
 * {@code kid} in the header, {@code external_id} (the customer's id for the person), optional
 * {@code name} and {@code email}, and an {@code exp} at most 24 hours ahead. Anything else is a
 * 401.
 */
@Component
class VisitorJwts {
  static final Duration MAX_LIFETIME = Duration.ofHours(24);

  /** Clocks drift: a token made a minute ahead of ours is still honest. */
  static final Duration SKEW = Duration.ofMinutes(1);

  static final int MAX_TOKEN = 8192;
  static final int MAX_EXTERNAL_ID = 200;
  static final int MAX_NAME = 200;

  /** Who the customer's backend says the visitor is, until when. */
  record Identity(String externalId, String name, Instant expiresAt) {}

  private final WidgetKeyStore keys;
  private final Clock clock;

  VisitorJwts(WidgetKeyStore keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  Identity verify(String jwt) {
    if (jwt.length() > MAX_TOKEN) {
      throw refused("the token is too long");
    }
    SignedJWT signed;
    JWTClaimsSet claims;
    try {
      signed = SignedJWT.parse(jwt);
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refused("the token is not a JWT");
    }
    if (!JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm())) {
      throw refused("the token must be signed HS256 with a widget key");
    }
    String kid = signed.getHeader().getKeyID();
    byte[] key =
        Optional.ofNullable(kid)
            .flatMap(keys::signingKey)
            .orElseThrow(() -> refused("the token's kid names no widget key that signs"));
    try {
      if (!signed.verify(new MACVerifier(key))) {
        throw refused("the token's signature does not verify");
      }
    } catch (JOSEException e) {
      throw refused("the token's signature does not verify");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw refused("the token has no exp");
    }
    Instant expiresAt = exp.toInstant();
    if (!expiresAt.isAfter(now)) {
      throw refused("the token has expired");
    }
    if (expiresAt.isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
      throw refused("the token's exp is more than 24 hours ahead");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().isAfter(now.plus(SKEW))) {
      throw refused("the token is not valid yet (nbf)");
    }
    String externalId = text(claims, "external_id", MAX_EXTERNAL_ID);
    if (externalId == null || externalId.isBlank()) {
      throw refused("the token has no external_id");
    }
    return new Identity(externalId, text(claims, "name", MAX_NAME), expiresAt);
  }

  private static String text(JWTClaimsSet claims, String claim, int max) {
    Object value = claims.getClaim(claim);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.length() > max) {
      throw refused(claim + " must be a string of at most " + max + " characters");
    }
    return s;
  }

  private static ApiException refused(String why) {
    return new ApiException(ProblemType.UNAUTHORIZED, "The visitor's JWT is refused: " + why);
  }
}
