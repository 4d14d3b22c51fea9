package dev.sessionflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The harness's fan-out: a step run for each index on a fixed pool of client threads. */
final class Parallel {
  private Parallel() {}

  interface Step {
    void run(int i) throws Exception;
  }

  /** Runs {@code step} for 0 to count - 1; the first failure stops the rest and is thrown. */
  static void run(int count, int concurrency, Step step) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        all.add(
            pool.submit(
                () -> {
                  step.run(n);
                  return null;
                }));
      }
      try {
        for (Future<?> f : all) {
          f.get();
        }
      } catch (ExecutionException e) {
        // without this, closing the pool would first run every step still queued
        pool.shutdownNow();
        throw e;
      }
    }
  }
}
