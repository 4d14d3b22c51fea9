package dev.sessionflow.worker.auth;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The one identity model for a person's access token, wherever it arrives: as the API's bearer
 * token, or from the workspace's OIDC sign-in. The same decoder validates it (issuer, key,
 * audiences, expiry) and the same claims ({@link AuthProperties#jwt()}) make the {@link Caller}:
 * role, agent id, groups and ticket access.
 */
public final class AccessTokenCallers {
  private final JwtDecoder decoder;
  private final JwtCallers claims;

  /**
   * @param decoder the API's JWT decoder, or null when no issuer or key is configured
   */
  AccessTokenCallers(JwtDecoder decoder, AuthProperties auth) {
    this.decoder = decoder == null ? null : ExpiringJwts.require(decoder);
    this.claims = new JwtCallers(auth);
  }

  /** Whether access tokens are accepted at all. */
  public boolean configured() {
    return decoder != null;
  }

  JwtDecoder decoder() {
    return decoder;
  }

  JwtCallers claims() {
    return claims;
  }

  /**
   * The caller an access token names.
   *
   * @throws org.springframework.security.oauth2.jwt.JwtException when the token is not valid
   * @throws org.springframework.security.oauth2.server.resource.InvalidBearerTokenException when it
   *     names no role (or an agent without agent id)
   */
  public Caller caller(String accessToken) {
    if (decoder == null) {
      throw new BadJwtException("No JWT issuer or key is configured");
    }
    Jwt jwt = decoder.decode(accessToken);
    return claims.convert(jwt).getPrincipal();
  }
}
