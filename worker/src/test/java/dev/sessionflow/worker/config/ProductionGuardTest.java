package dev.sessionflow.worker.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.worker.auth.AuthProperties;
import dev.sessionflow.worker.auth.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

  private static MockEnvironment realServers() {
    return new MockEnvironment()
        .withProperty("spring.temporal.test-server.enabled", "false")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/sessionflow");
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
