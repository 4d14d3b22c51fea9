package dev.sessionflow.worker.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** CSAT defaults, from {@code sessionflow.csat.*}: surveys can be answered for 14 days. */
@ConfigurationProperties("sessionflow.csat")
public record CsatProperties(Duration expiresAfter) {
  public CsatProperties {
    expiresAfter = expiresAfter == null ? Duration.ofDays(14) : expiresAfter;
  }
}
