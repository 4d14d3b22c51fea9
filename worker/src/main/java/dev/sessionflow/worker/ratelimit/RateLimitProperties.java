package dev.sessionflow.worker.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request budgets: {@code requests} per {@code per}, refilled continuously.
 *
 * @param perCaller for each API caller (token), over every endpoint
 * @param csatPerIp for each client address on the public CSAT endpoint
 * @param perVisitor for each widget visitor (an end user's browser), over the widget's endpoints
 * @param visitorStartsPerIp for each client address starting widget visitors
 * @param trackedKeys how many callers and addresses are remembered (the least recent are dropped)
 */
@ConfigurationProperties("sessionflow.rate-limits")
public record RateLimitProperties(
    Boolean enabled,
    Limit perCaller,
    Limit csatPerIp,
    Limit perVisitor,
    Limit visitorStartsPerIp,
    Integer trackedKeys) {

  public record Limit(long requests, Duration per) {}

  public RateLimitProperties {
    enabled = enabled == null || enabled;
    perCaller = perCaller == null ? new Limit(120_000, Duration.ofMinutes(1)) : perCaller;
    csatPerIp = csatPerIp == null ? new Limit(300, Duration.ofMinutes(1)) : csatPerIp;
    perVisitor = perVisitor == null ? new Limit(120, Duration.ofMinutes(1)) : perVisitor;
    visitorStartsPerIp =
        visitorStartsPerIp == null ? new Limit(60, Duration.ofMinutes(1)) : visitorStartsPerIp;
    trackedKeys = trackedKeys == null ? 100_000 : trackedKeys;
  }
}
