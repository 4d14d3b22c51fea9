package dev.sessionflow.activities.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound safety of webhooks.
 *
 * @param allowedNetworks CIDRs let through although private or loopback (on-prem receivers, tests)
 * @param requireHttps refuse plain http URLs (on in the prod profile)
 * @param secretKey base64 AES key (16, 24 or 32 bytes) that encrypts secrets at rest
 * @param rotationOverlap how long a replaced secret still signs deliveries beside the new one
 */
@ConfigurationProperties("sessionflow.webhooks")
public record WebhookProperties(
    List<String> allowedNetworks,
    boolean requireHttps,
    String secretKey,
    Duration rotationOverlap) {

  public WebhookProperties {
    allowedNetworks =
        allowedNetworks == null
            ? List.of()
            : allowedNetworks.stream().filter(n -> !n.isBlank()).toList();
    rotationOverlap = rotationOverlap == null ? Duration.ofHours(24) : rotationOverlap;
  }
}
