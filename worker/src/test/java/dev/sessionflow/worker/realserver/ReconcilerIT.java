package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.reconciler.SessionReconciler;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crash injected right after the store commits an agent's end (the service halts as a SIGKILL
 * would), with the Temporal server stopped and started meanwhile: the end's workflow task and its
 * Update are gone, the store says ENDED, and no client asks again. The reconciler's schedule
 * settles it, under the stored end, with its survey.
 */
class ReconcilerIT extends RealServerTestBase {
  private static final Logger log = LoggerFactory.getLogger(ReconcilerIT.class);

  /** The first service halts after its first committed close; the one after the crash does not. */
  private boolean crashAfterFirstClose = true;

  @Override
  protected Map<String, String> serviceEnv() {
    Map<String, String> env = new HashMap<>(super.serviceEnv());
    env.put("SESSIONFLOW_RECONCILER_GRACE", "5s");
    if (crashAfterFirstClose) {
      env.put("SESSIONFLOW_TEST_CRASH_AT", "after-close:1");
    }
    return env;
  }

  @Test
  void anEndWhoseUpdateACrashLostIsSettledByTheSchedule() {
    ScheduleDescription schedule =
        ReconcilerSchedules.await(
            temporal.client().getWorkflowServiceStubs(), Duration.ofSeconds(60), d -> true);
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow) schedule.getSchedule().getAction();
    assertThat(action.getWorkflowType()).isEqualTo("SessionReconciler");
    assertThat(action.getOptions().getTaskQueue()).isEqualTo(SessionReconciler.TASK_QUEUE);

    String conversation = "reconcile-1";
    String sessionId = api.endUserSays(conversation, "m-1", "Hi").get("sessionId").asText();
    api.agentSays(ApiClient.AGENT_1, sessionId, "a-1", "Done");
    try {
      api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, "{}");
    } catch (RuntimeException cutOff) {
      // the service halted after the close's commit: no answer, and no one asks again
    }
    service.kill();
    temporal.stop(); // the Update was never recorded: it goes with the server's memory
    temporal.start();
    crashAfterFirstClose = false;
    startService();

    JsonNode session = api.session(sessionId);
    assertThat(session.get("status").asText()).as("the store committed the end").isEqualTo("ENDED");
    String ticketId = session.get("ticketId").asText();
    ApiClient.await(
        Duration.ofMinutes(3),
        () ->
            "SOLVED"
                .equals(
                    retrying(() -> api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN))
                        .json()
                        .path("status")
                        .asText()));
    ApiClient.await(
        Duration.ofSeconds(30),
        () -> "SENT".equals(api.session(sessionId).path("csat").path("status").asText()));
    JsonNode after = api.session(sessionId);
    assertThat(after.get("endedBy").asText()).isEqualTo("AGENT");
    assertThat(after.get("endedAt").asText()).isEqualTo(session.get("endedAt").asText());
    long notices =
        StreamSupport.stream(api.transcript(conversation).spliterator(), false)
            .filter(m -> "SESSION_ENDED".equals(m.path("kind").asText()))
            .count();
    assertThat(notices).as("told once").isEqualTo(1);
    String metrics = api.get("/actuator/prometheus", ApiClient.ADMIN).expect(200).body();
    assertThat(metrics).containsPattern("sessionflow_reconciler_asked_total [1-9]");
    log.info(
        "settled by the reconciler: {}",
        metrics.lines().filter(l -> l.startsWith("sessionflow_reconciler_")).toList());
  }
}
