package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionOutcome;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 20,000 messages in one session: twice the server's cap of 10,000 signals per execution. */
class LongSessionIT extends RealServerTestBase {
  private static final Logger log = LoggerFactory.getLogger(LongSessionIT.class);
  private static final int MESSAGES = 20_000;

  @Test
  void aSessionOfTwentyThousandMessagesContinuesAsNewAndEnds() throws Exception {
    String conversation = "long-1";
    String sessionId = api.endUserSays(conversation, "m-0", "Hi").get("sessionId").asText();
    long started = System.nanoTime();
    List<Future<?>> senders = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        senders.add(
            pool.submit(
                () -> {
                  for (int i = 1 + thread; i < MESSAGES; i += 8) {
                    // One session under 240+ messages a second is far beyond any chat; the server
                    // may answer "busy" (503 here), and clients retry 503s.
                    String body = "{\"messageId\":\"x-" + i + "\",\"text\":\"message " + i + "\"}";
                    if (i % 2 == 0) {
                      retrying(
                              () ->
                                  api.post(
                                      "/api/v1/conversations/" + conversation + "/messages",
                                      ApiClient.CHANNEL,
                                      body.replace("\"text\"", "\"endUserId\":\"u\",\"text\"")))
                          .expect(202);
                    } else {
                      retrying(
                              () ->
                                  api.post(
                                      "/api/v1/sessions/" + sessionId + "/messages",
                                      ApiClient.AGENT_1,
                                      body))
                          .expect(202);
                    }
                  }
                }));
      }
      for (Future<?> sender : senders) {
        sender.get();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, null).expect(200);
    SessionOutcome outcome =
        WorkflowStub.fromTyped(
                temporal
                    .client()
                    .newWorkflowStub(
                        MessagingSession.class, MessagingSession.workflowId(sessionId)))
            .getResult(SessionOutcome.class);
    List<WorkflowExecutionInfo> runs =
        temporal
            .client()
            .getWorkflowServiceStubs()
            .blockingStub()
            .listWorkflowExecutions(
                ListWorkflowExecutionsRequest.newBuilder()
                    .setNamespace("default")
                    .setQuery("WorkflowId='" + MessagingSession.workflowId(sessionId) + "'")
                    .build())
            .getExecutionsList();
    long maxEvents =
        runs.stream().mapToLong(WorkflowExecutionInfo::getHistoryLength).max().orElse(0);
    log.info(
        "{} messages in {} s ({} msg/s); {} runs, at most {} history events per run",
        MESSAGES,
        String.format("%.1f", seconds),
        String.format("%.0f", MESSAGES / seconds),
        runs.size(),
        maxEvents);

    assertThat(outcome.messageCount()).isEqualTo(MESSAGES);
    // It continued as new. Under this flood a continue-as-new waits for a workflow task without a
    // new signal, so how many runs it takes depends on the machine's pace (2 to 17 measured): a
    // run can hold several thousand messages, and the bound that matters is the server's hard
    // limit of 51,200 events (and 10,000 signals) per run.
    assertThat(runs.size()).isGreaterThanOrEqualTo(2);
    assertThat(maxEvents).isLessThan(51_200 / 2);
    assertThat(api.transcript(conversation)).hasSizeGreaterThanOrEqualTo(MESSAGES);
  }
}
