package dev.sessionflow.worker.startup;

import dev.sessionflow.worker.auth.AuthProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to start on development defaults (development tokens, the
 * in-process Temporal server, the in-memory database) and on identity settings that would let in
 * more than meant: JWTs of any audience, or agents given a ticket access no one chose.
 */
@Component
@Profile("prod")
class ProductionGuard implements InitializingBean {
  private static final Set<String> DEV_TOKENS =
      Set.of("dev-admin", "dev-agent-1", "dev-agent-2", "dev-channel");

  private final AuthProperties auth;
  private final Environment env;

  ProductionGuard(AuthProperties auth, Environment env) {
    this.auth = auth;
    this.env = env;
  }

  private boolean jwtIssuer() {
    String jwt = "spring.security.oauth2.resourceserver.jwt.";
    return !env.getProperty(jwt + "issuer-uri", "").isBlank()
        || !env.getProperty(jwt + "jwk-set-uri", "").isBlank()
        || !env.getProperty(jwt + "public-key-location", "").isBlank();
  }

  @Override
  public void afterPropertiesSet() {
    List<String> problems = new ArrayList<>();
    if (auth.devTokens()) {
      problems.add("sessionflow.auth.dev-tokens is on");
    }
    if (auth.configured().stream().anyMatch(t -> DEV_TOKENS.contains(t.token()))) {
      problems.add("a development token (dev-admin, dev-agent-1, ...) is configured");
    }
    if (auth.configured().isEmpty() && !jwtIssuer()) {
      problems.add(
          "no identities: set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (OIDC) "
              + "and/or SESSIONFLOW_AUTH_TOKEN_LIST (token:ROLE[:id],...)");
    }
    String jwt = "spring.security.oauth2.resourceserver.jwt.";
    if (jwtIssuer() && env.getProperty(jwt + "audiences", "").isBlank()) {
      problems.add(
          "a JWT issuer or key without accepted audiences would take a token issued to any other "
              + "client of the provider: set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");
    }
    if (env.getProperty("sessionflow.auth.agent-access", "").isBlank()) {
      problems.add(
          "the ticket access of agents whose token or JWT does not say is not set: set "
              + "SESSIONFLOW_AUTH_AGENT_ACCESS to ASSIGNED, GROUPS or ALL");
    }
    if (!env.getProperty("sessionflow.public-base-url", "").trim().startsWith("https://")) {
      problems.add(
          "survey links need the service's public https address: set"
              + " SESSIONFLOW_PUBLIC_BASE_URL (such as https://support.example.com)");
    }
    if (env.getProperty("spring.temporal.test-server.enabled", Boolean.class, true)) {
      problems.add("no TEMPORAL_ADDRESS: production needs a Temporal server or Temporal Cloud");
    }
    if (env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:mem:")) {
      problems.add("in-memory database: set SPRING_DATASOURCE_URL (PostgreSQL)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start with the prod profile: " + String.join("; ", problems));
    }
  }
}
