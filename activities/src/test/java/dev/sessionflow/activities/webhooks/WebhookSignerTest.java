package dev.sessionflow.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class WebhookSignerTest {

  @Test
  void signsLikeTheStandardWebhooksReference() {
    // The example of the Standard Webhooks specification.
    String signature =
        WebhookSigner.standard(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void secretsMustBeWhsecOfEnoughRandomBytes() {
    assertThat(WebhookSecrets.wellFormed("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isTrue();
    assertThat(WebhookSecrets.wellFormed("whsec_" + "A".repeat(86) + "==")).isTrue();
    assertThat(WebhookSecrets.wellFormed("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
    assertThat(WebhookSecrets.wellFormed("whsec_short")).isFalse();
    assertThat(WebhookSecrets.wellFormed("whsec_!!!!9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
    assertThat(WebhookSecrets.wellFormed(null)).isFalse();
  }

  @Test
  void secretsAreEncryptedAtRest() {
    byte[] key = new byte[32];
    WebhookSecrets secrets = new WebhookSecrets(key);
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    String stored = secrets.encrypt(secret);

    assertThat(stored).doesNotContain("MfKQ9r8G").isNotEqualTo(secrets.encrypt(secret));
    assertThat(secrets.decrypt(stored)).isEqualTo(secret);
    key[0] = 1;
    assertThatThrownBy(() -> new WebhookSecrets(key).decrypt(stored))
        .hasMessageContaining("secret-key");
  }

  @Test
  void prodRefusesToStartWithoutAKey() {
    StandardEnvironment prod = new StandardEnvironment();
    prod.setActiveProfiles("prod");
    assertThatThrownBy(
            () -> new WebhookSecrets(new WebhookProperties(null, true, null, null), prod))
        .hasMessageContaining("SESSIONFLOW_WEBHOOKS_SECRET_KEY");
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(new WebhookSecrets(new WebhookProperties(null, true, key, null), prod)).isNotNull();
  }
}
