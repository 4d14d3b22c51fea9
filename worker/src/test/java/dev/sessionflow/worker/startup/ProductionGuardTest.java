package dev.sessionflow.worker.startup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.worker.auth.AuthProperties;
import dev.sessionflow.worker.auth.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

  private static MockEnvironment servers() {
    return new MockEnvironment()
        .withProperty("spring.temporal.test-server.enabled", "false")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/sessionflow");
  }

  /** Real servers, and the ticket access of agents whose token does not say. */
  private static MockEnvironment realServers() {
    return servers()
        .withProperty("sessionflow.auth.agent-access", "ASSIGNED")
        .withProperty("sessionflow.public-base-url", "https://support.example.com");
  }

  private static final AuthProperties TOKENS =
      AuthProperties.ofTokens(false, List.of(), "s3:ADMIN");

  @Test
  void refusesAJwtIssuerOrKeyWithoutAnAcceptedAudience() {
    for (String source : List.of("issuer-uri", "jwk-set-uri", "public-key-location")) {
      MockEnvironment env =
          realServers()
              .withProperty("spring.security.oauth2.resourceserver.jwt." + source, "file:/x");
      assertThatThrownBy(() -> new ProductionGuard(TOKENS, env).afterPropertiesSet())
          .as(source)
          .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");
      env.setProperty("spring.security.oauth2.resourceserver.jwt.audiences", "sessionflow");
      assertThatCode(() -> new ProductionGuard(TOKENS, env).afterPropertiesSet())
          .doesNotThrowAnyException();
    }
  }

  /** The survey links go to end users' phones: they must name the public https address. */
  @Test
  void refusesSurveyLinksWithoutAPublicHttpsAddress() {
    MockEnvironment env = realServers();
    env.setProperty("sessionflow.public-base-url", "");
    assertThatThrownBy(() -> new ProductionGuard(TOKENS, env).afterPropertiesSet())
        .hasMessageContaining("SESSIONFLOW_PUBLIC_BASE_URL");
    env.setProperty("sessionflow.public-base-url", "http://support.example.com");
    assertThatThrownBy(() -> new ProductionGuard(TOKENS, env).afterPropertiesSet())
        .hasMessageContaining("https");
  }

  @Test
  void refusesToGuessTheTicketAccessOfAgentsWhoseTokenDoesNotSay() {
    assertThatThrownBy(() -> new ProductionGuard(TOKENS, servers()).afterPropertiesSet())
        .hasMessageContaining("SESSIONFLOW_AUTH_AGENT_ACCESS");
  }

  @Test
  void refusesDevelopmentDefaults() {
    AuthProperties dev = AuthProperties.ofTokens(true, List.of(), null);
    assertThatThrownBy(() -> new ProductionGuard(dev, new MockEnvironment()).afterPropertiesSet())
        .hasMessageContaining("dev-tokens is on")
        .hasMessageContaining("no TEMPORAL_ADDRESS");
  }

  @Test
  void refusesADevelopmentTokenInTheList() {
    AuthProperties auth = AuthProperties.ofTokens(false, List.of(), "dev-admin:ADMIN");
    assertThatThrownBy(() -> new ProductionGuard(auth, realServers()).afterPropertiesSet())
        .hasMessageContaining("development token");
  }

  @Test
  void refusesTheInMemoryDatabase() {
    AuthProperties auth = AuthProperties.ofTokens(false, List.of(), "s3cret:ADMIN");
    MockEnvironment env =
        realServers().withProperty("spring.datasource.url", "jdbc:h2:mem:sessionflow");
    assertThatThrownBy(() -> new ProductionGuard(auth, env).afterPropertiesSet())
        .hasMessageContaining("in-memory database");
  }

  @Test
  void startsWithRealServersAndTokens() {
    AuthProperties auth =
        AuthProperties.ofTokens(
            false,
            List.of(new AuthProperties.Token("t-agent", Role.AGENT, "agent-7")),
            "s3cret:ADMIN,ch4n:CHANNEL");
    assertThatCode(() -> new ProductionGuard(auth, realServers()).afterPropertiesSet())
        .doesNotThrowAnyException();
  }
}
