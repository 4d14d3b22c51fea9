package dev.sessionflow.worker.temporal;

import io.temporal.common.VersioningBehavior;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerDeploymentOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every worker of a versioned replica polls as its Worker Deployment Version, and the workflows it
 * runs are pinned: a session runs all its life (continue-as-new included) on the build it started
 * on, so a change to workflow code needs no version marker as long as the old build keeps running
 * until its sessions are done (docs/operations.md, "Rolling out with Worker Versioning").
 */
@Configuration(proxyBeanMethods = false)
class VersionedWorkers {
  private static final Logger log = LoggerFactory.getLogger(VersionedWorkers.class);

  @Bean
  WorkerOptionsCustomizer versionedWorkerOptions(
      DeploymentProperties deployment,
      @Value("${spring.temporal.test-server.enabled:false}") boolean inProcessServer) {
    if (deployment.versioned() && inProcessServer) {
      throw new IllegalStateException(
          "SESSIONFLOW_DEPLOYMENT_BUILD_ID is set, but the in-process Temporal server has no Worker"
              + " Versioning: set TEMPORAL_ADDRESS, or unset the build id.");
    }
    if (deployment.versioned()) {
      log.info(
          "Worker Versioning on: workers poll as {}.{}, workflows pinned to it",
          deployment.name(),
          deployment.buildId());
    }
    return (builder, workerName, taskQueue) ->
        deployment.versioned()
            ? builder.setDeploymentOptions(
                WorkerDeploymentOptions.newBuilder()
                    .setUseVersioning(true)
                    .setVersion(
                        new WorkerDeploymentVersion(deployment.name(), deployment.buildId()))
                    .setDefaultVersioningBehavior(VersioningBehavior.PINNED)
                    .build())
            : builder;
  }
}
