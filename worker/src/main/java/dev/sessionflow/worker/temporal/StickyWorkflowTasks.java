package dev.sessionflow.worker.temporal;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a workflow task waits for the replica that holds its session in memory before any
 * replica may take it. The SDK's 5 s is too short for a burst: when thousands of auto-closes fall
 * due together, the backlog is longer than that, every task times out to the shared queue, and each
 * session is then replayed from its whole history, which deepens the backlog (BENCHMARKS.md,
 * "Sticky workflow tasks"). A replica that stops polling loses its tasks to the shared queue within
 * seconds (the server's own check); only tasks already queued to it wait this long.
 */
@Configuration(proxyBeanMethods = false)
class StickyWorkflowTasks {

  @Bean
  WorkerOptionsCustomizer stickyScheduleToStart(
      @Value("${sessionflow.worker.sticky-timeout:60s}") Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalStateException(
          "SESSIONFLOW_STICKY_TIMEOUT must be positive, not " + timeout);
    }
    return (builder, workerName, taskQueue) ->
        builder.setStickyQueueScheduleToStartTimeout(timeout);
  }
}
