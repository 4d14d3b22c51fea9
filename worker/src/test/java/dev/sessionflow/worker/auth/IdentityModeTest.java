package dev.sessionflow.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.worker.SessionflowApplication;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** The development tokens only when nothing is real; no identities at all refuses to start. */
class IdentityModeTest {
  private static final AuthProperties DEFAULTS = AuthProperties.ofTokens(true, List.of(), null);

  private static MockEnvironment embedded() {
    return new MockEnvironment()
        .withProperty("spring.temporal.test-server.enabled", "true")
        .withProperty("spring.datasource.url", "jdbc:h2:mem:sessionflow");
  }

  private static MockEnvironment realTemporal() {
    return embedded().withProperty("spring.temporal.test-server.enabled", "false");
  }

  @Test
  void fullyEmbeddedAcceptsTheDevelopmentTokens() {
    assertThat(IdentityMode.of(embedded(), DEFAULTS).devTokens()).isTrue();
  }

  @Test
  void theDevProfileAcceptsThemWithARealServer() {
    MockEnvironment env = realTemporal();
    env.setActiveProfiles("dev");
    assertThat(IdentityMode.of(env, DEFAULTS).devTokens()).isTrue();
  }

  @Test
  void aRealServerOrDatabaseWithoutIdentitiesRefusesToStartAndSaysWhatToSet() {
    assertThatThrownBy(() -> IdentityMode.of(realTemporal(), DEFAULTS))
        .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
        .hasMessageContaining("SESSIONFLOW_AUTH_TOKEN_LIST")
        .hasMessageContaining("dev profile");
    MockEnvironment fileDatabase =
        embedded().withProperty("spring.datasource.url", "jdbc:h2:file:./data/sessionflow");
    assertThatThrownBy(() -> IdentityMode.of(fileDatabase, DEFAULTS))
        .hasMessageContaining("No identities configured");
  }

  @Test
  void anIssuerOrApiTokensAreEnoughAndTurnTheDevelopmentTokensOff() {
    MockEnvironment issuer =
        realTemporal()
            .withProperty(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "https://login.example.test/realms/support");
    IdentityMode mode = IdentityMode.of(issuer, DEFAULTS);
    assertThat(mode.jwt()).isTrue();
    assertThat(mode.devTokens()).isFalse();
    AuthProperties tokens = AuthProperties.ofTokens(true, List.of(), "s3cret:CHANNEL:web-chat");
    assertThat(IdentityMode.of(realTemporal(), tokens).devTokens()).isFalse();
  }

  @Test
  void prodNeverAcceptsThem() {
    MockEnvironment env = embedded();
    env.setActiveProfiles("prod", "dev");
    AuthProperties tokens = AuthProperties.ofTokens(true, List.of(), "s3cret:ADMIN");
    assertThat(IdentityMode.of(env, tokens).devTokens()).isFalse();
  }

  @Test
  void theServiceRefusesToStartOnADatabaseFileWithNoIdentities(@TempDir Path dir) {
    SpringApplicationBuilder app = new SpringApplicationBuilder(SessionflowApplication.class);
    String[] args = {
      "--server.port=0",
      // (the survey token key, which this mode needs too, is not what the test is about)
      "--sessionflow.csat.token-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
      "--sessionflow.webhooks.secret-key="
          + java.util.Base64.getEncoder().encodeToString(new byte[32]),
      "--sessionflow.payload-keys=k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
      "--spring.datasource.url=jdbc:h2:file:"
          + dir.resolve("db")
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    };
    assertThatThrownBy(() -> app.run(args).close())
        .rootCause()
        .hasMessageContaining("No identities configured")
        .hasMessageContaining("SESSIONFLOW_AUTH_TOKEN_LIST");
  }
}
