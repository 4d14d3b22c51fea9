package dev.sessionflow.worker.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.deployment.v1.RoutingConfig;
import io.temporal.api.workflowservice.v1.DescribeWorkerDeploymentRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkerDeploymentResponse;
import io.temporal.api.workflowservice.v1.SetWorkerDeploymentCurrentVersionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes this replica's version the deployment's current one, as {@link
 * DeploymentProperties#promote()} says, once its workers poll: new workflows (sessions, reconciler
 * passes, webhook deliveries) start on the current version. On a first versioned start there is
 * none, and new workflows would wait for an unversioned worker that no longer exists: {@code
 * IF_NONE} promotes then. In the background, retried while the server has not yet seen the
 * version's pollers.
 */
@Component
class CurrentVersionPromoter {
  private static final Logger log = LoggerFactory.getLogger(CurrentVersionPromoter.class);
  static final Duration TRY_FOR = Duration.ofMinutes(2);

  /**
   * Answers to try again on: the version's pollers not seen yet, a conflicting change, and the
   * server's rate limit on a deployment's requests (RESOURCE_EXHAUSTED while replicas start).
   */
  private static final Set<Status.Code> NOT_YET =
      Set.of(
          Status.Code.NOT_FOUND,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.ABORTED,
          Status.Code.RESOURCE_EXHAUSTED);

  private final WorkflowServiceStubs service;
  private final DeploymentProperties deployment;
  private final String namespace;

  CurrentVersionPromoter(
      WorkflowClient client,
      DeploymentProperties deployment,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    this.service = client.getWorkflowServiceStubs();
    this.deployment = deployment;
    this.namespace = namespace;
  }

  @EventListener(ApplicationReadyEvent.class)
  void promoteWhenPolling() {
    if (!deployment.versioned() || deployment.promote() == DeploymentProperties.Promote.NEVER) {
      return;
    }
    Thread.ofVirtual().name("promote-" + deployment.buildId()).start(this::promote);
  }

  /** Promotes if the policy says so; answers the build id that is current afterwards. */
  String promote() {
    long deadline = System.nanoTime() + TRY_FOR.toNanos();
    while (true) {
      try {
        return promoteOnce();
      } catch (StatusRuntimeException e) {
        if (!NOT_YET.contains(e.getStatus().getCode()) || System.nanoTime() > deadline) {
          log.error(
              "could not make {}.{} the current version: {}. New workflows start on the current"
                  + " version; set it with temporal worker deployment set-current-version.",
              deployment.name(),
              deployment.buildId(),
              e.getStatus());
          return null;
        }
        sleep();
      }
    }
  }

  private String promoteOnce() {
    String current = null;
    com.google.protobuf.ByteString conflictToken = com.google.protobuf.ByteString.EMPTY;
    try {
      DescribeWorkerDeploymentResponse described =
          service
              .blockingStub()
              .describeWorkerDeployment(
                  DescribeWorkerDeploymentRequest.newBuilder()
                      .setNamespace(namespace)
                      .setDeploymentName(deployment.name())
                      .build());
      RoutingConfig routing = described.getWorkerDeploymentInfo().getRoutingConfig();
      current =
          routing.hasCurrentDeploymentVersion()
              ? routing.getCurrentDeploymentVersion().getBuildId()
              : null;
      conflictToken = described.getConflictToken();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
      // no versioned poller seen yet: the deployment does not exist so far
    }
    boolean promote =
        switch (deployment.promote()) {
          case ALWAYS -> !deployment.buildId().equals(current);
          case IF_NONE -> current == null || current.isEmpty();
          case NEVER -> false;
        };
    if (!promote) {
      log.info(
          "Worker Deployment {}: current version {}, this replica runs {}",
          deployment.name(),
          current,
          deployment.buildId());
      return current;
    }
    service
        .blockingStub()
        .setWorkerDeploymentCurrentVersion(
            SetWorkerDeploymentCurrentVersionRequest.newBuilder()
                .setNamespace(namespace)
                .setDeploymentName(deployment.name())
                .setBuildId(deployment.buildId())
                .setConflictToken(conflictToken)
                .setIdentity("sessionflow " + deployment.buildId())
                .build());
    log.info(
        "Worker Deployment {}: {} is now the current version (was {})",
        deployment.name(),
        deployment.buildId(),
        current);
    return deployment.buildId();
  }

  private static void sleep() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
