package dev.sessionflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.VersioningBehavior;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;

class VersionedWorkersTest {

  @Test
  void withoutABuildIdWorkersStayUnversioned() {
    DeploymentProperties none = new DeploymentProperties(null, " ", null);
    WorkerOptions options =
        new VersionedWorkers()
            .versionedWorkerOptions(none, false)
            .customize(WorkerOptions.newBuilder(), "w", "q")
            .build();
    assertThat(none.versioned()).isFalse();
    assertThat(none.name()).isEqualTo("sessionflow");
    assertThat(none.promote()).isEqualTo(DeploymentProperties.Promote.IF_NONE);
    assertThat(options.getDeploymentOptions()).isNull();
  }

  @Test
  void aBuildIdPinsEveryWorkflowToThatVersion() {
    WorkerOptions options =
        new VersionedWorkers()
            .versionedWorkerOptions(new DeploymentProperties("support", "b-7", null), false)
            .customize(WorkerOptions.newBuilder(), "w", "q")
            .build();
    assertThat(options.getDeploymentOptions().isUsingVersioning()).isTrue();
    assertThat(options.getDeploymentOptions().getVersion().toCanonicalString())
        .isEqualTo("support.b-7");
    assertThat(options.getDeploymentOptions().getDefaultVersioningBehavior())
        .isEqualTo(VersioningBehavior.PINNED);
  }

  @Test
  void theInProcessServerRefusesABuildId() {
    assertThatThrownBy(
            () ->
                new VersionedWorkers()
                    .versionedWorkerOptions(new DeploymentProperties(null, "b-7", null), true))
        .hasMessageContaining("in-process Temporal server has no Worker Versioning");
  }
}
