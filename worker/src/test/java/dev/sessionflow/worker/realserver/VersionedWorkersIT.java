package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.worker.SessionflowApplication;
import dev.sessionflow.workflows.session.MessagingSession;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.deployment.v1.WorkerDeploymentInfo;
import io.temporal.api.enums.v1.RoutingConfigUpdateState;
import io.temporal.api.enums.v1.VersioningBehavior;
import io.temporal.api.workflow.v1.WorkflowExecutionVersioningInfo;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkerDeploymentRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Worker Versioning on a real dev server, with two replicas of two builds in this JVM (one
 * database): the first versioned start makes its build current; a session stays pinned to the build
 * it started on after a newer build is promoted, whichever replica takes its requests, while new
 * sessions start on the newer one.
 */
class VersionedWorkersIT {
  private static DevServerProcess temporal;
  private static final String DATABASE = "versions-" + UUID.randomUUID();
  private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

  @BeforeAll
  static void temporal() throws IOException {
    temporal = new DevServerProcess(Files.createTempDirectory("sessionflow-versions")).start();
  }

  @AfterAll
  static void stop() {
    replicas.forEach(ConfigurableApplicationContext::close);
    temporal.close();
  }

  @Test
  void aSessionStaysOnTheBuildItStartedOnWhileNewSessionsStartOnTheCurrentOne() {
    ConfigurableApplicationContext first = replica("a", "build-1", "IF_NONE");
    WorkflowClient client = first.getBean(WorkflowClient.class);
    awaitCurrent(client, "build-1");
    ApiClient viaFirst = api(first);
    String older = viaFirst.endUserSays(conversation(), "m-1", "Hello").get("sessionId").asText();
    awaitPinned(client, older, "build-1");

    ConfigurableApplicationContext second = replica("b", "build-2", "ALWAYS");
    awaitCurrent(client, "build-2");
    ApiClient viaSecond = api(second);
    String newer = viaSecond.endUserSays(conversation(), "m-1", "Hi").get("sessionId").asText();
    awaitPinned(client, newer, "build-2");
    // How docs/operations.md counts the sessions a build still runs, before stopping it.
    ApiClient.await(Duration.ofSeconds(30), () -> runningOn(client, "build-1") == 1);

    // The older session goes on under the build it started on, whichever replica takes the call.
    viaSecond.agentSays(ApiClient.AGENT_1, older, "a-1", "Fixed it");
    viaSecond.post("/api/v1/sessions/" + older + "/end", ApiClient.AGENT_1, "{}").expect(200);
    String ticket = viaSecond.session(older).get("ticketId").asText();
    ApiClient.await(
        Duration.ofSeconds(30),
        () ->
            "SOLVED"
                .equals(
                    viaSecond
                        .get("/api/v1/tickets/" + ticket, ApiClient.ADMIN)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText()));
    assertThat(versioning(client, older).getDeploymentVersion().getBuildId()).isEqualTo("build-1");
    // A replica of the first build still starts nothing new: new work goes to the current build.
    String third = viaFirst.endUserSays(conversation(), "m-1", "Hey").get("sessionId").asText();
    awaitPinned(client, third, "build-2");
  }

  private static String conversation() {
    return "c-" + UUID.randomUUID();
  }

  /**
   * Waits until the build is current and the server has told every task queue so: until then,
   * matching may still hand a new workflow's first task to the previous current build.
   */
  private static void awaitCurrent(WorkflowClient client, String buildId) {
    ApiClient.await(
        Duration.ofSeconds(60),
        () -> {
          WorkerDeploymentInfo info = deployment(client);
          return info != null
              && buildId.equals(info.getRoutingConfig().getCurrentDeploymentVersion().getBuildId())
              && info.getRoutingConfigUpdateState()
                  == RoutingConfigUpdateState.ROUTING_CONFIG_UPDATE_STATE_COMPLETED;
        });
  }

  private static WorkerDeploymentInfo deployment(WorkflowClient client) {
    try {
      return client
          .getWorkflowServiceStubs()
          .blockingStub()
          .describeWorkerDeployment(
              DescribeWorkerDeploymentRequest.newBuilder()
                  .setNamespace("default")
                  .setDeploymentName("sessionflow")
                  .build())
          .getWorkerDeploymentInfo();
    } catch (StatusRuntimeException notYet) {
      return null;
    }
  }

  private static long runningOn(WorkflowClient client, String buildId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .countWorkflowExecutions(
            CountWorkflowExecutionsRequest.newBuilder()
                .setNamespace("default")
                .setQuery(
                    "WorkflowType='MessagingSession' AND ExecutionStatus='Running'"
                        + " AND TemporalWorkerDeploymentVersion='sessionflow:"
                        + buildId
                        + "'")
                .build())
        .getCount();
  }

  private static void awaitPinned(WorkflowClient client, String sessionId, String buildId) {
    try {
      ApiClient.await(
          Duration.ofSeconds(30),
          () -> {
            WorkflowExecutionVersioningInfo info = versioning(client, sessionId);
            return info.getBehavior() == VersioningBehavior.VERSIONING_BEHAVIOR_PINNED
                && buildId.equals(info.getDeploymentVersion().getBuildId());
          });
    } catch (AssertionError notPinned) {
      throw new AssertionError(
          sessionId + " not pinned to " + buildId + ": " + versioning(client, sessionId),
          notPinned);
    }
  }

  private static WorkflowExecutionVersioningInfo versioning(
      WorkflowClient client, String sessionId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(
                    WorkflowExecution.newBuilder()
                        .setWorkflowId(MessagingSession.workflowId(sessionId)))
                .build())
        .getWorkflowExecutionInfo()
        .getVersioningInfo();
  }

  private static ConfigurableApplicationContext replica(
      String name, String buildId, String promote) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SessionflowApplication.class)
            .properties(
                "TEMPORAL_ADDRESS=" + temporal.address(),
                "spring.profiles.active=dev",
                "server.port=0",
                "spring.datasource.url=jdbc:h2:mem:"
                    + DATABASE
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1",
                "spring.temporal.workers-auto-discovery.enabled=true",
                "sessionflow.replica=" + name,
                "sessionflow.deployment.build-id=" + buildId,
                "sessionflow.deployment.promote=" + promote)
            .run();
    replicas.add(context);
    return context;
  }

  private static ApiClient api(ConfigurableApplicationContext replica) {
    return new ApiClient(
        replica.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
  }
}
