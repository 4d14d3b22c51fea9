package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.StreamSupport;

/**
 * Sessions driven through the replicas: every one opened with three messages; a quarter left
 * waiting on the end user so they auto-close, the rest ended by the agent later, with or without a
 * survey. Every request is retried (on the other replica) until it is answered; each 2xx answer is
 * counted and checked at the end.
 */
final class SessionLoad {
  static final Duration AUTO_CLOSE = Duration.ofSeconds(45);

  enum Plan {
    SURVEY,
    NO_SURVEY,
    AUTO_CLOSE
  }

  record Outcome(int dueDuringOutage, Duration maxLateness) {}

  private final String prefix;
  private final int size;
  private final ScaleOutClusterIT.ReplicaClient api;
  private final Map<Integer, String> sessionIds = new ConcurrentHashMap<>();
  private final Map<Integer, Instant> autoCloseDue = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();

  SessionLoad(String prefix, int size, ScaleOutClusterIT.ReplicaClient api) {
    this.prefix = prefix;
    this.size = size;
    this.api = api;
  }

  int size() {
    return size;
  }

  int accepted() {
    return accepted.get();
  }

  static Plan plan(int n) {
    return switch (n % 4) {
      case 3 -> Plan.AUTO_CLOSE;
      case 2 -> Plan.NO_SURVEY;
      default -> Plan.SURVEY;
    };
  }

  /** Opens every session (end user, agent, end user; the auto-close ones get the agent's last). */
  void openAll() {
    forEach(
        n -> {
          String conversation = conversation(n);
          JsonNode opened =
              accept(n, c -> c.post(messages(conversation), ApiClient.CHANNEL, endUser("m-1")), 202)
                  .json();
          String sessionId = opened.get("sessionId").asText();
          sessionIds.put(n, sessionId);
          agent(n, "a-1");
          accept(n, c -> c.post(messages(conversation), ApiClient.CHANNEL, endUser("m-2")), 202);
        });
    // Last, so that the auto-closes fall due close together, a known time from now.
    forEach(
        n -> {
          if (plan(n) == Plan.AUTO_CLOSE) {
            agent(n, "a-2");
            autoCloseDue.put(n, Instant.now().plus(AUTO_CLOSE));
          }
        });
  }

  Instant lastAutoCloseDue() {
    return autoCloseDue.values().stream().max(Instant::compareTo).orElseThrow();
  }

  Instant firstAutoCloseDue() {
    return autoCloseDue.values().stream().min(Instant::compareTo).orElseThrow();
  }

  /** The agent's last message and end of each ended session, spread evenly until {@code by}. */
  Thread endInBackground(Instant by) {
    List<Integer> toEnd = new ArrayList<>();
    for (int n = 0; n < size; n++) {
      if (plan(n) != Plan.AUTO_CLOSE) {
        toEnd.add(n);
      }
    }
    Duration spacing = Duration.between(Instant.now(), by).dividedBy(toEnd.size());
    return Thread.ofPlatform()
        .name("session-ends")
        .start(
            () -> {
              try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                Instant next = Instant.now();
                for (int n : toEnd) {
                  Ports.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
                  next = next.plus(spacing);
                  pool.submit(() -> end(n));
                }
              }
            });
  }

  private void end(int n) {
    agent(n, "a-2");
    String body = plan(n) == Plan.SURVEY ? "{}" : "{\"sendCsat\":false}";
    String path = "/api/v1/sessions/" + sessionIds.get(n) + "/end";
    int status = api.call(n, c -> c.post(path, ApiClient.AGENT_1, body)).status();
    // 409 on a retry: the first attempt ended it, but its answer was cut off by a kill.
    assertThat(status).as(conversation(n) + " end").isIn(200, 409);
    accepted.incrementAndGet();
  }

  /**
   * Every message once, every session closed (by the agent or by inactivity), surveyed per plan and
   * settled exactly once; the auto-closes due between {@code outageFrom} and {@code outageTo} are
   * counted.
   */
  Outcome verify(Instant outageFrom, Instant outageTo) {
    int dueDuringOutage = 0;
    Duration maxLateness = Duration.ZERO;
    for (int n = 0; n < size; n++) {
      JsonNode session = verifySession(n);
      if (plan(n) == Plan.AUTO_CLOSE) {
        Instant due = autoCloseDue.get(n);
        Duration lateness = Duration.between(due, Instant.parse(session.get("endedAt").asText()));
        maxLateness = lateness.compareTo(maxLateness) > 0 ? lateness : maxLateness;
        if (!due.isBefore(outageFrom) && due.isBefore(outageTo)) {
          dueDuringOutage++;
        }
      }
    }
    return new Outcome(dueDuringOutage, maxLateness);
  }

  private JsonNode verifySession(int n) {
    String conversation = conversation(n);
    String sessionPath = "/api/v1/sessions/" + sessionIds.get(n);
    Plan plan = plan(n);
    ApiClient.await(
        Duration.ofSeconds(120), () -> "ENDED".equals(get(n, sessionPath).path("status").asText()));
    JsonNode session = get(n, sessionPath);
    assertThat(session.path("endedBy").asText() + "/" + session.path("endReason").asText())
        .as(conversation)
        .isEqualTo(plan == Plan.AUTO_CLOSE ? "SYSTEM/INACTIVITY" : "AGENT/RESOLVED");
    String ticket = "/api/v1/tickets/" + session.get("ticketId").asText();
    ApiClient.await(
        Duration.ofSeconds(120), () -> "SOLVED".equals(get(n, ticket).path("status").asText()));
    ApiClient.await(
        Duration.ofSeconds(60),
        () -> count(transcript(n), "CSAT_INVITATION") == (plan == Plan.SURVEY ? 1 : 0));
    JsonNode transcript = transcript(n);
    List<String> ids =
        StreamSupport.stream(transcript.spliterator(), false)
            .filter(m -> m.hasNonNull("messageId"))
            .map(m -> m.get("author").asText() + ":" + m.get("messageId").asText())
            .toList();
    assertThat(ids)
        .as(conversation + " transcript")
        .containsOnlyOnce("END_USER:m-1", "AGENT:a-1", "END_USER:m-2", "AGENT:a-2")
        .doesNotHaveDuplicates();
    assertThat(count(transcript, "SESSION_ENDED")).as(conversation + " ended notice").isOne();
    assertThat(count(transcript, "INACTIVITY_WARNING")).as(conversation).isLessThanOrEqualTo(1);
    long settlements =
        StreamSupport.stream(get(n, ticket).get("audit").spliterator(), false)
            .filter(a -> "SETTLED".equals(a.get("kind").asText()))
            .count();
    assertThat(settlements).as(conversation + " settled once").isOne();
    return session;
  }

  private JsonNode get(int n, String path) {
    return api.call(n, c -> c.get(path, ApiClient.ADMIN)).expect(200).json();
  }

  private JsonNode transcript(int n) {
    return get(n, messages(conversation(n))).get("messages");
  }

  private void agent(int n, String messageId) {
    String path = "/api/v1/sessions/" + sessionIds.get(n) + "/messages";
    String body = "{\"messageId\":\"" + messageId + "\",\"text\":\"On it\"}";
    accept(n, c -> c.post(path, ApiClient.AGENT_1, body), 202);
  }

  private ApiClient.Response accept(
      int n, Function<ApiClient, ApiClient.Response> call, int expected) {
    ApiClient.Response response = api.call(n, call).expect(expected);
    accepted.incrementAndGet();
    return response;
  }

  private void forEach(IntConsumer step) {
    List<Future<?>> running = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int n = 0; n < size; n++) {
        int i = n;
        running.add(pool.submit(() -> step.accept(i)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String conversation(int n) {
    return prefix + "-" + n;
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
