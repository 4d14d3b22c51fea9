package dev.sessionflow.worker.auth;

import dev.sessionflow.activities.support.DevelopmentMode;
import org.springframework.core.env.Environment;

/**
 * Where identities come from. The development tokens are accepted only when nothing is real: the
 * service runs fully embedded (in-process Temporal and an in-memory database), or the {@code dev}
 * profile is on, and never with {@code prod}. Anything else needs a JWT issuer (or key) or API
 * tokens, or it refuses to start.
 */
public record IdentityMode(boolean devTokens, boolean jwt) {
  static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  /**
   * The one rule for every development-only surface: {@code sessionflow.auth.dev-tokens} (on unless
   * {@code prod}) where development stand-ins are allowed at all.
   */
  public static boolean devTokensAccepted(Environment env) {
    return env.getProperty("sessionflow.auth.dev-tokens", Boolean.class, true)
        && DevelopmentMode.allowed(env);
  }

  public static IdentityMode of(Environment env, AuthProperties auth) {
    boolean devTokens = devTokensAccepted(env);
    boolean jwt =
        has(env, JWT + "issuer-uri")
            || has(env, JWT + "jwk-set-uri")
            || has(env, JWT + "public-key-location");
    IdentityMode mode = new IdentityMode(devTokens, jwt);
    if (!devTokens && !jwt && auth.configured().isEmpty()) {
      throw new IllegalStateException(
          "No identities configured, and the development tokens are only accepted fully embedded "
              + "(no TEMPORAL_ADDRESS, in-memory database) or with the dev profile. Set "
              + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (or _JWK_SET_URI, or "
              + "_PUBLIC_KEY_LOCATION) for people signing in with an OIDC provider, and/or "
              + "SESSIONFLOW_AUTH_TOKEN_LIST (token:ROLE[:id],...) for integrations; or run with "
              + "SPRING_PROFILES_ACTIVE=dev to try the service with the development tokens.");
    }
    return mode;
  }

  private static boolean has(Environment env, String property) {
    String value = env.getProperty(property);
    return value != null && !value.isBlank();
  }
}
