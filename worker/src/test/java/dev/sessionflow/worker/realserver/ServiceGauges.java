package dev.sessionflow.worker.realserver;

import dev.sessionflow.worker.ApiClient;
import java.util.Map;

/** What a load run reports of the service: live threads, database connections, heap. */
final class ServiceGauges {
  private ServiceGauges() {}

  /**
   * {@code threads}, {@code connections} (active), {@code pool} (its size), {@code heap} (bytes).
   */
  static Map<String, Double> read(ApiClient api) {
    String text = api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body();
    return Map.of(
        "threads", sum(text, "jvm_threads_live_threads"),
        "connections", sum(text, "hikaricp_connections_active"),
        "pool", sum(text, "hikaricp_connections_max"),
        "heap", sum(text, "jvm_memory_used_bytes{area=\"heap\""));
  }

  private static double sum(String prometheus, String series) {
    return prometheus
        .lines()
        .filter(l -> l.startsWith(series))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
