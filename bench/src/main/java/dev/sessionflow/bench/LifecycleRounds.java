package dev.sessionflow.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scenarios 1 to 3: the lifecycle rounds, each variant in turn (A/B interleaved, each first once),
 * their history cost, and the secondary column on an H2 file store.
 */
final class LifecycleRounds {
  /** How many sessions of each path have their end's workflow task read from their history. */
  static final int END_TASKS_READ = 100;

  private LifecycleRounds() {}

  /** The rounds on the service's PostgreSQL store; the service's windows go to {@code windows}. */
  static void measure(
      Report report, Params params, DevServer server, Service service, List<Profile.Window> windows)
      throws Exception {
    Lifecycle lifecycle = new Lifecycle(server.client(), server.sessionClient(), service.http);
    BenchMain.log("warm-up");
    // A whole round per variant, not measured: the service's JVM has far more code to compile
    // (HTTP, JSON, JDBC) than the bare worker's, and its first round used to measure that.
    for (Lifecycle.Variant v : Lifecycle.Variant.values()) {
      lifecycle.run(v, "warm-" + v, params.sessions(), params.concurrency(), 10);
    }
    List<Lifecycle.Variant> order = new ArrayList<>(List.of(Lifecycle.Variant.values()));
    Map<Lifecycle.Variant, List<String>> ran = new EnumMap<>(Lifecycle.Variant.class);
    for (int round = 0; round < params.rounds(); round++) {
      for (Lifecycle.Variant v : order) {
        BenchMain.log("round " + (round + 1) + ": " + v);
        Instant from = Instant.now();
        Lifecycle.Batch batch =
            lifecycle.run(v, "r" + round + "-" + v, params.sessions(), params.concurrency(), 10);
        if (v != Lifecycle.Variant.BASELINE) { // the service idles meanwhile
          windows.add(new Profile.Window("lifecycle " + v, from, Instant.now()));
        }
        report.batch(batch);
        ran.computeIfAbsent(v, k -> new ArrayList<>()).addAll(batch.ids());
        if (round == params.rounds() - 1) {
          for (String id : batch.ids().subList(0, Math.min(10, batch.ids().size()))) {
            report.events(v, 10, lifecycle.historyEvents(id));
            report.actions(v, lifecycle.actions(id));
          }
        }
      }
      order.add(order.remove(0)); // A/B interleaved: each variant goes first once
    }
    // Read after the rounds, so that reading the histories loads no measured round.
    ran.forEach(
        (v, ids) -> {
          int step = Math.max(1, Math.ceilDiv(ids.size(), END_TASKS_READ)); // at most that many
          for (int i = 0; i < ids.size(); i += step) {
            EndTask task = lifecycle.endTask(ids.get(i));
            if (task != null) {
              report.endTask(v, task);
            }
          }
        });
    BenchMain.log("history cost: sessions of 110 messages");
    for (Lifecycle.Variant v : Lifecycle.Variant.values()) {
      Lifecycle.Batch batch = lifecycle.run(v, "long-" + v, 5, 5, 110);
      for (String id : batch.ids()) {
        report.events(v, 110, lifecycle.historyEvents(id));
      }
    }
  }

  /** The secondary column: the API path with the ticket store in an H2 file, against bare. */
  static void measureH2File(Report report, Params params, DevServer server, Service service)
      throws Exception {
    Lifecycle lifecycle = new Lifecycle(server.client(), server.sessionClient(), service.http);
    lifecycle.run(Lifecycle.Variant.HTTP, "h2-warm", params.sessions(), params.concurrency(), 10);
    List<Lifecycle.Variant> order =
        new ArrayList<>(List.of(Lifecycle.Variant.BASELINE, Lifecycle.Variant.HTTP));
    for (int round = 0; round < params.h2Rounds(); round++) {
      for (Lifecycle.Variant v : order) {
        BenchMain.log("H2 round " + (round + 1) + ": " + v);
        report.batchH2(
            lifecycle.run(
                v, "h2-r" + round + "-" + v, params.sessions(), params.concurrency(), 10));
      }
      order.add(order.remove(0));
    }
  }
}
