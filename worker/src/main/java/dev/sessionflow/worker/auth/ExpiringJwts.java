package dev.sessionflow.worker.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Only JWTs that expire. Spring's timestamp validator checks {@code exp} when a token has one; a
 * token without it would be good for ever, so it is refused here, whichever decoder (issuer, JWKS
 * or public key) validated the rest.
 */
public final class ExpiringJwts {
  private ExpiringJwts() {}

  public static JwtDecoder require(JwtDecoder decoder) {
    return token -> {
      Jwt jwt = decoder.decode(token);
      if (jwt.getExpiresAt() == null) {
        throw new BadJwtException("The token has no expiry (exp)");
      }
      return jwt;
    };
  }
}
