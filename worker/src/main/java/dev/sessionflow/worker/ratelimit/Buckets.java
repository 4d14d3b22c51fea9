package dev.sessionflow.worker.ratelimit;

import io.github.bucket4j.Bucket;
import java.util.LinkedHashMap;
import java.util.Map;

/** One token bucket per key, the least recently used dropped past a bound (keys are untrusted). */
final class Buckets {
  private final RateLimitProperties.Limit limit;
  private final Map<String, Bucket> byKey;

  Buckets(RateLimitProperties.Limit limit, int maxKeys) {
    this.limit = limit;
    this.byKey =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxKeys;
          }
        };
  }

  Bucket of(String key) {
    synchronized (byKey) {
      return byKey.computeIfAbsent(
          key,
          k ->
              Bucket.builder()
                  .addLimit(
                      l -> l.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                  .build());
    }
  }
}
