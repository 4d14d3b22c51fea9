package dev.sessionflow.activities.metrics;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param endReasons the end reasons counted under their own label (besides the service's own:
 *     RESOLVED, ESCALATED, INACTIVITY, END_USER_LEFT); any other is counted as OTHER
 */
@ConfigurationProperties("sessionflow.metrics")
public record MetricsProperties(List<String> endReasons) {
  public MetricsProperties {
    endReasons = endReasons == null ? List.of() : List.copyOf(endReasons);
  }
}
