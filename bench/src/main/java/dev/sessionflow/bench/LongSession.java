package dev.sessionflow.bench;

import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Scenario 3b: one session with many messages through the API, and its continue-as-new runs. */
final class LongSession {
  record Result(int messages, double sendSeconds, double doneSeconds, List<Integer> eventsPerRun) {
    int runs() {
      return eventsPerRun.size();
    }

    int maxEvents() {
      return eventsPerRun.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
  }

  private final WorkflowClient client;
  private final Http http;

  LongSession(WorkflowClient client, Http http) {
    this.client = client;
    this.http = http;
  }

  Result run(int messages, int senders) throws Exception {
    String conversation = "long-" + System.currentTimeMillis();
    long start = System.nanoTime();
    String sessionId = http.endUserSays(conversation, "m-0");
    int each = (messages - 1) / senders;
    try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
      List<Future<?>> all = new ArrayList<>();
      for (int s = 0; s < senders; s++) {
        int sender = s;
        all.add(
            pool.submit(
                () -> {
                  for (int j = 0; j < each; j++) {
                    http.endUserSays(conversation, "m-" + sender + "-" + j);
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    }
    int sent = 1 + each * senders;
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    String workflowId = MessagingSession.workflowId(sessionId);
    MessagingSession latest = client.newWorkflowStub(MessagingSession.class, workflowId);
    while (latest.state().messageCount() < sent) {
      Proc.sleep(200);
    }
    double doneSeconds = (System.nanoTime() - start) / 1e9;
    return new Result(sent, sendSeconds, doneSeconds, eventsPerRun(workflowId));
  }

  /** Follows the chain of runs from the first, through each run's continue-as-new event. */
  private List<Integer> eventsPerRun(String workflowId) {
    List<String> runIds = new ArrayList<>();
    long deadline = System.nanoTime() + 60_000_000_000L;
    int stable = 0;
    while (System.nanoTime() < deadline && stable < 3) {
      List<String> found =
          client
              .listExecutions("WorkflowId='" + workflowId + "'")
              .map(e -> e.getExecution().getRunId())
              .toList();
      stable = found.size() == runIds.size() ? stable + 1 : 0;
      runIds = new ArrayList<>(found);
      Proc.sleep(1000);
    }
    List<Integer> events = new ArrayList<>();
    for (String runId : runIds) {
      events.add(client.fetchHistory(workflowId, runId).getEvents().size());
    }
    return events;
  }
}
