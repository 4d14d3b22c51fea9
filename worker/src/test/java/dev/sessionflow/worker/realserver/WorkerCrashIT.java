package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionView;
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
 * 200 sessions in flight; the service is SIGKILLed mid-way and started again while clients retry
 * what failed, as real integrations do. Afterwards nothing is lost or doubled.
 */
class WorkerCrashIT extends RealServerTestBase {
  private static final Logger log = LoggerFactory.getLogger(WorkerCrashIT.class);
  private static final int SESSIONS = 200;

  /** How each conversation ends: by an agent with a survey, without one, or not at all. */
  enum Plan {
    SURVEY,
    NO_SURVEY,
    OPEN
  }

  @Test
  void noMessageSurveyOrSettlementIsLostOrDoubled() throws Exception {
    Map<String, String> sessions = new ConcurrentHashMap<>();
    AtomicInteger steps = new AtomicInteger();
    List<Future<?>> drivers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < SESSIONS; i++) {
        int n = i;
        drivers.add(pool.submit(() -> drive(n, sessions, steps)));
      }
      while (steps.get() < SESSIONS * 5 * 2 / 5) {
        Ports.sleep(20);
      }
      log.info("SIGKILL after {} of {} steps", steps.get(), SESSIONS * 5);
      service.kill();
      Ports.sleep(2_000);
      service.start();
      for (Future<?> driver : drivers) {
        driver.get();
      }
    }

    int surveys = 0;
    int settled = 0;
    for (int i = 0; i < SESSIONS; i++) {
      String conversation = "crash-" + i;
      Plan plan = plan(i);
      String sessionId = sessions.get(conversation);
      JsonNode transcript = api.transcript(conversation);
      List<String> ids =
          StreamSupport.stream(transcript.spliterator(), false)
              .map(m -> m.get("author").asText() + ":" + m.get("messageId").asText())
              .toList();
      assertThat(ids)
          .as(conversation)
          .containsOnlyOnce("END_USER:m-1", "AGENT:a-1", "END_USER:m-2", "AGENT:a-2");
      long notices = count(transcript, "SESSION_ENDED");
      long invitations = count(transcript, "CSAT_INVITATION");
      if (plan == Plan.OPEN) {
        assertThat(notices + invitations).as(conversation).isZero();
        SessionView view =
            temporal
                .client()
                .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId))
                .state();
        assertThat(view.messageCount()).as(conversation + " messages signalled").isEqualTo(4);
        continue;
      }
      String ticketId = api.session(sessionId).get("ticketId").asText();
      ApiClient.await(
          Duration.ofSeconds(60),
          () ->
              "SOLVED"
                  .equals(
                      api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN)
                          .json()
                          .path("status")
                          .asText()));
      JsonNode ticket = api.get("/api/v1/tickets/" + ticketId, ApiClient.ADMIN).json();
      long settlements =
          StreamSupport.stream(ticket.get("audit").spliterator(), false)
              .filter(a -> "SETTLED".equals(a.get("kind").asText()))
              .count();
      assertThat(settlements).as(conversation + " settled once").isEqualTo(1);
      assertThat(notices).as(conversation + " ended notice").isEqualTo(1);
      ApiClient.await(
          Duration.ofSeconds(60),
          () ->
              count(api.transcript(conversation), "CSAT_INVITATION")
                  == (plan == Plan.SURVEY ? 1 : 0));
      surveys += (int) count(api.transcript(conversation), "CSAT_INVITATION");
      settled++;
    }
    log.info(
        "after SIGKILL: {} sessions, {} settled once each, {} surveys, every message once",
        SESSIONS,
        settled,
        surveys);
    assertThat(surveys).isEqualTo(count(Plan.SURVEY));
    assertThat(settled).isEqualTo(count(Plan.SURVEY) + count(Plan.NO_SURVEY));
  }

  private void drive(int n, Map<String, String> sessions, AtomicInteger steps) {
    String conversation = "crash-" + n;
    JsonNode opened =
        retrying(() -> api.post(messages(conversation), ApiClient.CHANNEL, endUser("m-1")))
            .expect(202)
            .json();
    String sessionId = opened.get("sessionId").asText();
    sessions.put(conversation, sessionId);
    steps.incrementAndGet();
    agent(sessionId, "a-1");
    steps.incrementAndGet();
    retrying(() -> api.post(messages(conversation), ApiClient.CHANNEL, endUser("m-2"))).expect(202);
    steps.incrementAndGet();
    agent(sessionId, "a-2");
    steps.incrementAndGet();
    Plan plan = plan(n);
    if (plan != Plan.OPEN) {
      String body = plan == Plan.SURVEY ? "{}" : "{\"sendCsat\":false}";
      int status =
          retrying(
                  () -> api.post("/api/v1/sessions/" + sessionId + "/end", ApiClient.AGENT_1, body))
              .status();
      // 409 on a retry: the first attempt ended it before the crash cut its answer off.
      assertThat(status).as(conversation + " end").isIn(200, 409);
    }
    steps.incrementAndGet();
  }

  private void agent(String sessionId, String messageId) {
    retrying(
            () ->
                api.post(
                    "/api/v1/sessions/" + sessionId + "/messages",
                    ApiClient.AGENT_1,
                    "{\"messageId\":\"" + messageId + "\",\"text\":\"On it\"}"))
        .expect(202);
  }

  private static Plan plan(int n) {
    return n % 4 == 3 ? Plan.OPEN : n % 4 == 2 ? Plan.NO_SURVEY : Plan.SURVEY;
  }

  private static int count(Plan plan) {
    int count = 0;
    for (int i = 0; i < SESSIONS; i++) {
      count += plan(i) == plan ? 1 : 0;
    }
    return count;
  }

  private static long count(JsonNode transcript, String kind) {
    return StreamSupport.stream(transcript.spliterator(), false)
        .filter(m -> kind.equals(m.path("kind").asText()))
        .count();
  }

  private static String messages(String conversation) {
    return "/api/v1/conversations/" + conversation + "/messages";
  }

  private static String endUser(String messageId) {
    return "{\"messageId\":\"" + messageId + "\",\"endUserId\":\"u\",\"text\":\"Hello\"}";
  }
}
