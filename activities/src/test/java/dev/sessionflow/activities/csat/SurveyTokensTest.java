package dev.sessionflow.activities.csat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The survey token key: configured like the webhook secret key, the development key only in dev.
 */
class SurveyTokensTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private static MockEnvironment embedded() {
    return new MockEnvironment()
        .withProperty("spring.temporal.test-server.enabled", "true")
        .withProperty("spring.datasource.url", "jdbc:h2:mem:sessionflow");
  }

  private static MockEnvironment realServer() {
    return embedded().withProperty("spring.temporal.test-server.enabled", "false");
  }

  @Test
  void aTokenIsTheKeyedHashOfTheSurveyIdAndTheStoreKeepsItsSha256() {
    SurveyTokens tokens = new SurveyTokens(new byte[32]);
    String token = tokens.tokenOf("sv-1");

    assertThat(token).matches("[A-Za-z0-9_-]{43}").isEqualTo(tokens.tokenOf("sv-1"));
    assertThat(tokens.tokenOf("sv-2")).isNotEqualTo(token);
    assertThat(SurveyTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(tokens.tokenMatching("sv-1", SurveyTokens.hash(token))).contains(token);
    assertThat(tokens.tokenMatching("sv-1", SurveyTokens.hash("random-legacy-token"))).isEmpty();
  }

  @Test
  void theDevelopmentKeyStandsInOnlyFullyEmbeddedOrWithTheDevProfile() {
    assertThat(new SurveyTokens(embedded()).tokenOf("sv-1")).hasSize(43);
    MockEnvironment dev = realServer();
    dev.setActiveProfiles("dev");
    assertThat(new SurveyTokens(dev).tokenOf("sv-1")).hasSize(43);

    assertThatThrownBy(() -> new SurveyTokens(realServer()))
        .hasMessageContaining("SESSIONFLOW_CSAT_TOKEN_KEY");
    MockEnvironment prod = embedded();
    prod.setActiveProfiles("prod", "dev");
    assertThatThrownBy(() -> new SurveyTokens(prod))
        .hasMessageContaining("SESSIONFLOW_CSAT_TOKEN_KEY");
  }

  @Test
  void aConfiguredKeyIsUsedAndMustBeLongEnough() {
    MockEnvironment prod = realServer().withProperty(SurveyTokens.PROPERTY, KEY);
    prod.setActiveProfiles("prod");
    assertThat(new SurveyTokens(prod).tokenOf("sv-1"))
        .isEqualTo(new SurveyTokens(new byte[32]).tokenOf("sv-1"))
        .isNotEqualTo(new SurveyTokens(embedded()).tokenOf("sv-1"));
    String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(
            () -> new SurveyTokens(embedded().withProperty(SurveyTokens.PROPERTY, tooShort)))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(
            () -> new SurveyTokens(embedded().withProperty(SurveyTokens.PROPERTY, "not base64!")))
        .hasMessageContaining("at least 32 bytes");
  }
}
