package dev.sessionflow.bench;

import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionOutcome;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Scenario 1 and 2: whole session lifecycles (open, messages alternating end user and agent, agent
 * end, CSAT, settlement) at a concurrency, three ways: through the HTTP API, through the Temporal
 * client, and the bare baseline workflow.
 */
final class Lifecycle {

  enum Variant {
    BASELINE,
    HTTP,
    CLIENT
  }

  /**
   * One batch: how long it took, the end latencies (ms), the latencies (ms) of the messages after
   * the first (end-user {@code POST}s through the API, signals through the client) and the workflow
   * ids it ran.
   */
  record Batch(
      Variant variant,
      int sessions,
      double seconds,
      List<Double> endMillis,
      List<Double> messageMillis,
      List<String> ids) {
    double perSecond() {
      return sessions / seconds;
    }
  }

  private final WorkflowClient client;
  private final WorkflowClient sessions;
  private final Http http;

  Lifecycle(WorkflowClient client, WorkflowClient sessions, Http http) {
    this.client = client;
    this.sessions = sessions;
    this.http = http;
  }

  Batch run(Variant variant, String tag, int sessions, int concurrency, int messages)
      throws Exception {
    ConcurrentLinkedQueue<Double> ends = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Double> sends = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    Parallel.run(
        sessions,
        concurrency,
        i -> {
          String id = tag + "-" + i;
          ids.add(
              switch (variant) {
                case BASELINE -> bare(id, messages, ends, sends);
                case HTTP -> viaHttp(id, messages, ends, sends);
                case CLIENT -> viaClient(id, messages, ends, sends);
              });
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Batch(
        variant,
        sessions,
        seconds,
        new ArrayList<>(ends),
        new ArrayList<>(sends),
        new ArrayList<>(ids));
  }

  private static double millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e6;
  }

  private String bare(
      String id,
      int messages,
      ConcurrentLinkedQueue<Double> ends,
      ConcurrentLinkedQueue<Double> sends) {
    String workflowId = "bare-" + id;
    BareSession starter =
        client.newWorkflowStub(
            BareSession.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(BareSession.TASK_QUEUE)
                .build());
    BatchRequest start = client.newSignalWithStartRequest();
    start.add(starter::run, workflowId);
    start.add(starter::message, "m-0");
    client.signalWithStart(start);
    BareSession session = client.newWorkflowStub(BareSession.class, workflowId);
    for (int k = 1; k < messages; k++) {
      long t = System.nanoTime();
      session.message("m-" + k);
      sends.add(millisSince(t));
    }
    long t = System.nanoTime();
    session.end("agent-1");
    ends.add((System.nanoTime() - t) / 1e6);
    WorkflowStub.fromTyped(session).getResult(Integer.class);
    return workflowId;
  }

  private String viaHttp(
      String id,
      int messages,
      ConcurrentLinkedQueue<Double> ends,
      ConcurrentLinkedQueue<Double> sends) {
    String sessionId = http.endUserSays("bench-" + id, "m-0");
    for (int k = 1; k < messages; k++) {
      if (k % 2 == 1) {
        http.agentSays(sessionId, "a-" + k);
      } else {
        long t = System.nanoTime();
        http.endUserSays("bench-" + id, "m-" + k);
        sends.add(millisSince(t));
      }
    }
    long t = System.nanoTime();
    http.post("/api/v1/sessions/" + sessionId + "/end", Http.AGENT, "{}", 200);
    ends.add((System.nanoTime() - t) / 1e6);
    return awaitCompleted(sessionId);
  }

  /** The first message goes through the API (it creates the ticket); the rest through Temporal. */
  private String viaClient(
      String id,
      int messages,
      ConcurrentLinkedQueue<Double> ends,
      ConcurrentLinkedQueue<Double> sends) {
    String sessionId = http.endUserSays("bench-" + id, "m-0");
    MessagingSession session =
        sessions.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId));
    for (int k = 1; k < messages; k++) {
      long t = System.nanoTime();
      session.message(
          k % 2 == 1
              ? ChatMessage.fromAgent("a-" + k, "agent-1")
              : ChatMessage.fromEndUser("m-" + k));
      sends.add(millisSince(t));
    }
    long t = System.nanoTime();
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    ends.add((System.nanoTime() - t) / 1e6);
    return awaitCompleted(sessionId);
  }

  /** A session is done when its workflow completed: surveyed and settled. */
  private String awaitCompleted(String sessionId) {
    String workflowId = MessagingSession.workflowId(sessionId);
    sessions.newUntypedWorkflowStub(workflowId).getResult(SessionOutcome.class);
    return workflowId;
  }

  java.util.Map<String, Integer> actions(String workflowId) {
    return Actions.count(client.fetchHistory(workflowId).getHistory());
  }

  /** The task that answered the end Update of {@code workflowId}; null if none did. */
  EndTask endTask(String workflowId) {
    return EndTask.of(client.fetchHistory(workflowId).getHistory().getEventsList());
  }

  int historyEvents(String workflowId) {
    return client.fetchHistory(workflowId).getEvents().size();
  }
}
