package dev.sessionflow.worker.temporal;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a workflow task waits for the replica that holds its session in memory before any
 * replica may take it. It must outlast a burst's backlog: when thousands of auto-closes fall due
 * together, a task that times out joins the shared queue behind every other that did and is
 * replayed from the session's history there. With the SDK's 5 s every task did so; with 60 s, a
 * fifth of a 10,000-session burst, its earliest, waited 190 s more (BENCHMARKS.md, "The sticky
 * queue's limit"). A replica that stops polling loses its new tasks to the shared queue within
 * seconds (the server's own check); only tasks already queued to it wait this long.
 */
@Configuration(proxyBeanMethods = false)
class StickyWorkflowTasks {

  @Bean
  WorkerOptionsCustomizer stickyScheduleToStart(
      @Value("${sessionflow.worker.sticky-timeout:180s}") Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalStateException(
          "SESSIONFLOW_STICKY_TIMEOUT must be positive, not " + timeout);
    }
    return (builder, workerName, taskQueue) ->
        builder.setStickyQueueScheduleToStartTimeout(timeout);
  }
}
