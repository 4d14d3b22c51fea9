package dev.sessionflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.worker.ApiTestBase;
import io.temporal.spring.boot.autoconfigure.properties.TemporalProperties;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A burst of auto-closes keeps its sessions on the replica that holds them: every session is cached
 * on a virtual thread, and a workflow task waits three minutes for that replica, not the SDK's 5 s.
 */
class StickyWorkflowTasksTest extends ApiTestBase {
  @Autowired WorkerFactory workers;
  @Autowired TemporalProperties temporal;

  @Test
  void everyWorkerOfTheServiceWaitsThreeMinutesForItsCachedSessions() {
    for (String queue :
        new String[] {"messaging-sessions", "messaging-maintenance", "messaging-settings"}) {
      assertThat(workers.getWorker(queue).getWorkerOptions().getStickyQueueScheduleToStartTimeout())
          .as(queue)
          .isEqualTo(Duration.ofMinutes(3));
    }
  }

  @Test
  void theSessionsQueueIsPolledSixteenAtATime() {
    assertThat(
            workers
                .getWorker("messaging-sessions")
                .getWorkerOptions()
                .getMaxConcurrentWorkflowTaskPollers())
        .isEqualTo(16);
  }

  @Test
  void tenThousandSessionsAreCachedOnVirtualThreads() {
    assertThat(temporal.getWorkflowCache().getMaxInstances()).isEqualTo(10_000);
    assertThat(temporal.getWorkflowCache().isUsingVirtualWorkflowThreads()).isTrue();
  }

  @Test
  void theTimeoutIsTheOperatorsAndMustBePositive() {
    WorkerOptions options =
        new StickyWorkflowTasks()
            .stickyScheduleToStart(Duration.ofMinutes(5))
            .customize(WorkerOptions.newBuilder(), "w", "q")
            .build();
    assertThat(options.getStickyQueueScheduleToStartTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> new StickyWorkflowTasks().stickyScheduleToStart(Duration.ZERO))
        .hasMessageContaining("SESSIONFLOW_STICKY_TIMEOUT must be positive");
  }
}
