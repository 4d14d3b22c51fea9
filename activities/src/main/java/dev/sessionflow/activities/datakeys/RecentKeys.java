package dev.sessionflow.activities.datakeys;

import dev.sessionflow.workflows.codec.DataKeys.DataKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data keys this replica used lately, by subject and by id, each for a bounded time, and at
 * most {@link #MAX} of them (the least recently used go first).
 */
final class RecentKeys {
  static final int MAX = 50_000;

  private record Held(String subject, DataKey key, Instant until) {}

  private final Duration held;
  private final Clock clock;
  private final Map<String, Held> bySubject = new LinkedHashMap<>(1024, 0.75f, true);
  private final Map<String, Held> byId = new LinkedHashMap<>(1024, 0.75f, true);

  RecentKeys(Duration held, Clock clock) {
    this.held = held;
    this.clock = clock;
  }

  synchronized DataKey bySubject(String subject) {
    return live(bySubject.get(subject));
  }

  synchronized DataKey byId(String id) {
    return live(byId.get(id));
  }

  synchronized void put(String subject, DataKey key) {
    Held entry = new Held(subject, key, clock.instant().plus(held));
    bySubject.put(subject, entry);
    byId.put(key.id(), entry);
    while (bySubject.size() > MAX) {
      forget(bySubject.keySet().iterator().next());
    }
  }

  synchronized void forget(String subject) {
    Held entry = bySubject.remove(subject);
    if (entry != null) {
      byId.remove(entry.key().id());
    }
  }

  private DataKey live(Held entry) {
    if (entry == null) {
      return null;
    }
    if (entry.until().isBefore(clock.instant())) {
      forget(entry.subject());
      return null;
    }
    return entry.key();
  }
}
