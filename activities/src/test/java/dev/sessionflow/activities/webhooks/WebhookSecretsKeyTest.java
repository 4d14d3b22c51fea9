package dev.sessionflow.activities.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Webhook secrets are encrypted with a real key wherever anything is real. */
class WebhookSecretsKeyTest {

  @Test
  void withoutAKeyOnlyDevelopmentModeFallsBackToTheDevelopmentKey() {
    assertThat(WebhookSecrets.key(null, true)).hasSize(32);
    assertThatThrownBy(() -> WebhookSecrets.key(null, false))
        .hasMessageContaining("SESSIONFLOW_WEBHOOKS_SECRET_KEY");
    assertThatThrownBy(() -> WebhookSecrets.key(" ", false))
        .hasMessageContaining("SESSIONFLOW_WEBHOOKS_SECRET_KEY");
  }

  @Test
  void aConfiguredKeyIsUsedEverywhere() {
    byte[] key = new byte[32];
    key[0] = 7;
    String configured = Base64.getEncoder().encodeToString(key);
    assertThat(WebhookSecrets.key(configured, false)).isEqualTo(key);
    assertThat(WebhookSecrets.key(configured, true)).isEqualTo(key);
  }
}
