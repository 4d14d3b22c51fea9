package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalation macros (and the trigger they set off) in flight when the service is SIGKILLed: every
 * macro completes fully after the restart, and no action is applied twice.
 */
class MacroCrashIT extends RealServerTestBase {
  private static final Logger log = LoggerFactory.getLogger(MacroCrashIT.class);
  private static final int TICKETS = 60;

  @Test
  void noMacroIsLeftHalfAppliedOrAppliedTwice() throws Exception {
    String macroId =
        api.post(
                "/api/v1/macros",
                ApiClient.ADMIN,
                """
                {"name": "Escalate to Tier 2", "actions": [
                  {"type": "SET_GROUP", "value": "tier-2"},
                  {"type": "ADD_INTERNAL_NOTE", "value": "escalated"},
                  {"type": "SEND_MESSAGE", "value": "Tier 2 will follow up"},
                  {"type": "END_SESSION", "reason": "ESCALATED", "sendCsat": false}]}
                """)
            .expect(201)
            .json()
            .get("macroId")
            .asText();
    api.post(
            "/api/v1/triggers",
            ApiClient.ADMIN,
            """
            {"name": "Note escalations",
             "conditions": {"all": [{"field": "group", "operator": "CHANGED_TO", "value": "tier-2"}]},
             "actions": [{"type": "ADD_INTERNAL_NOTE", "value": "seen by the trigger"}]}
            """)
        .expect(201);
    Map<Integer, String[]> chats = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> opening = new ArrayList<>();
      for (int i = 0; i < TICKETS; i++) {
        int n = i;
        opening.add(pool.submit(() -> chats.put(n, open(n))));
      }
      for (Future<?> f : opening) {
        f.get();
      }
      AtomicInteger answered = new AtomicInteger();
      Map<Integer, JsonNode> runs = new ConcurrentHashMap<>();
      List<Future<?>> applying = new ArrayList<>();
      for (int i = 0; i < TICKETS; i++) {
        int n = i;
        applying.add(
            pool.submit(
                () -> {
                  runs.put(n, apply(chats.get(n)[1], macroId, "esc-" + n));
                  answered.incrementAndGet();
                }));
      }
      while (answered.get() < TICKETS / 4) {
        Ports.sleep(10);
      }
      log.info("SIGKILL after {} of {} macros answered", answered.get(), TICKETS);
      service.kill();
      Ports.sleep(2_000);
      service.start();
      for (Future<?> f : applying) {
        f.get();
      }

      for (int i = 0; i < TICKETS; i++) {
        String[] chat = chats.get(i);
        JsonNode run = finished(runs.get(i));
        assertThat(outcomes(run.get("results")))
            .as("ticket " + chat[1])
            .containsExactly("APPLIED", "APPLIED", "APPLIED", "APPLIED");
        JsonNode ticket = api.get("/api/v1/tickets/" + chat[1], ApiClient.ADMIN).json();
        assertThat(ticket.get("group").asText()).isEqualTo("tier-2");
        assertThat(ticket.get("status").asText()).isEqualTo("OPEN");
        assertThat(kinds(ticket))
            .as("ticket " + chat[1] + " audit")
            .containsOnlyOnce("GROUP_CHANGED", "MESSAGE_SENT", "SETTLED")
            .filteredOn("INTERNAL_NOTE"::equals)
            .hasSize(2); // the macro's and the trigger's
        JsonNode transcript = api.transcript(chat[0]);
        assertThat(
                StreamSupport.stream(transcript.spliterator(), false)
                    .filter(m -> "Tier 2 will follow up".equals(m.path("text").asText())))
            .hasSize(1);
        JsonNode session = api.session(chat[2]);
        assertThat(session.get("endedVia").asText()).isEqualTo("macro:" + macroId);
      }
    }
    log.info("after SIGKILL: {} escalations complete, every action once", TICKETS);
  }

  private String[] open(int n) {
    String conversation = "esc-" + n;
    JsonNode opened =
        retrying(
                () ->
                    api.post(
                        "/api/v1/conversations/" + conversation + "/messages",
                        ApiClient.CHANNEL,
                        "{\"messageId\":\"m-1\",\"endUserId\":\"u\",\"text\":\"Help\"}"))
            .expect(202)
            .json();
    String sessionId = opened.get("sessionId").asText();
    retrying(
            () ->
                api.post(
                    "/api/v1/sessions/" + sessionId + "/messages",
                    ApiClient.AGENT_1,
                    "{\"messageId\":\"a-1\",\"text\":\"On it\"}"))
        .expect(202);
    return new String[] {conversation, opened.get("ticketId").asText(), sessionId};
  }

  /** Applies with an idempotency key, retrying through the crash as an integration would. */
  private JsonNode apply(String ticketId, String macroId, String key) {
    ApiClient.Response response =
        retrying(
            () ->
                api.post(
                    "/api/v1/tickets/" + ticketId + "/macros/" + macroId,
                    ApiClient.AGENT_1,
                    null,
                    key));
    assertThat(response.status()).isIn(200, 202);
    return response.json();
  }

  private JsonNode finished(JsonNode run) {
    String runId = run.get("runId").asText();
    JsonNode[] latest = {run};
    ApiClient.await(
        Duration.ofSeconds(90),
        () -> {
          latest[0] =
              retrying(() -> api.get("/api/v1/automation-runs/" + runId, ApiClient.AGENT_1)).json();
          return "COMPLETED".equals(latest[0].path("status").asText());
        });
    return latest[0];
  }

  private static List<String> outcomes(JsonNode results) {
    return StreamSupport.stream(results.spliterator(), false)
        .map(r -> r.get("outcome").asText())
        .toList();
  }

  private static List<String> kinds(JsonNode ticket) {
    return StreamSupport.stream(ticket.get("audit").spliterator(), false)
        .map(a -> a.get("kind").asText())
        .toList();
  }
}
