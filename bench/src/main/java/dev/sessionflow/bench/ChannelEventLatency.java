package dev.sessionflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Channel events: how long from an agent's {@code 202} until the webhook holds the reply's {@code
 * message.created}, on loopback, with {@link #CONVERSATIONS} conversations active at once (each
 * agent reply goes to a conversation's own lane). {@code bench/run.sh --channel-events} writes
 * {@code bench/results/channel-events.{md,json}}; absolute figures, on the run's machine.
 */
final class ChannelEventLatency {
  static final int CONVERSATIONS = 200;
  static final int CONCURRENCY = 16;

  /**
   * Each round gives every conversation one agent reply, spread over this span: 200 conversations
   * active, each with a reply about every 10 seconds (20 replies a second).
   */
  static final Duration ROUND = Duration.ofSeconds(10);

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

  static void main(boolean small) throws Exception {
    new ChannelEventLatency().run(small ? 2 : 5);
  }

  private void run(int rounds) throws Exception {
    Path dir = Files.createTempDirectory("sessionflow-channel-events");
    BenchMain.log("channel events: " + CONVERSATIONS + " conversations, logs in " + dir);
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    var threads = Executors.newFixedThreadPool(32, Thread.ofPlatform().daemon().factory());
    hook.setExecutor(threads);
    hook.createContext(
        "/hook",
        exchange -> {
          long now = System.nanoTime();
          JsonNode event = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
          if (event.path("type").asText().equals("message.created")) {
            receivedAt.putIfAbsent(event.path("data").path("messageId").asText(), now);
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    hook.start();
    List<Double> from202 = new ArrayList<>();
    List<Double> fromRequest = new ArrayList<>();
    try (DevServer server = new DevServer(dir);
        Store store = Store.postgres("channel");
        Service service =
            new Service(
                Path.of("worker/target/sessionflow.jar"),
                dir,
                "service",
                server.address(),
                store,
                false,
                Map.of("SESSIONFLOW_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.1/32"))) {
      Http http = service.http;
      http.put(
          "/api/v1/settings/messaging",
          Http.ADMIN,
          "{\"webhooks\": [{\"url\": \"http://127.0.0.1:%d/hook\", \"secret\": \"%s\", \"events\": [\"message.created\"]}]}"
              .formatted(hook.getAddress().getPort(), SECRET));
      String[] sessions = new String[CONVERSATIONS];
      Parallel.run(
          CONVERSATIONS, CONCURRENCY, i -> sessions[i] = http.endUserSays("ce-" + i, "m-0"));
      // warm-up round, not measured: the lanes' first runs and the JIT
      replies(http, sessions, "warm", new ArrayList<>(), new ArrayList<>());
      for (int r = 0; r < rounds; r++) {
        replies(http, sessions, "r" + r, from202, fromRequest);
      }
    } finally {
      hook.stop(0);
    }
    write(Stats.of(from202), Stats.of(fromRequest), rounds);
  }

  /** One agent reply in every conversation, spread over a round; waits for each reply's event. */
  private void replies(
      Http http, String[] sessions, String round, List<Double> from202, List<Double> fromRequest)
      throws Exception {
    long[] sent = new long[sessions.length];
    long[] accepted = new long[sessions.length];
    long start = System.currentTimeMillis();
    Parallel.run(
        sessions.length,
        CONCURRENCY,
        i -> {
          Proc.sleep(
              Math.max(
                  0, start + ROUND.toMillis() * i / sessions.length - System.currentTimeMillis()));
          sent[i] = System.nanoTime();
          http.agentSays(sessions[i], "a-" + round + "-" + i);
          accepted[i] = System.nanoTime();
        });
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    for (int i = 0; i < sessions.length; i++) {
      String id = "a-" + round + "-" + i;
      while (!receivedAt.containsKey(id)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no message.created for " + id + " within 2 minutes");
        }
        Proc.sleep(10);
      }
      long at = receivedAt.get(id);
      // an event can arrive before the 202 has reached the agent: then it waited 0 ms for it
      from202.add(Math.max(0, at - accepted[i]) / 1e6);
      fromRequest.add((at - sent[i]) / 1e6);
    }
    BenchMain.log("channel events: round " + round + " received");
  }

  private static void write(Stats from202, Stats fromRequest, int rounds) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generatedAt", Instant.now().toString());
    json.put("conversations", CONVERSATIONS);
    json.put("rounds", rounds);
    json.put("agent202ToReceiptMs", from202.asMap());
    json.put("agentRequestToReceiptMs", fromRequest.asMap());
    Path out = Path.of("bench/results/channel-events");
    Files.writeString(
        Path.of(out + ".json"),
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    Files.writeString(
        Path.of(out + ".md"),
        """
        # Channel events: agent reply to webhook receipt

        Generated %s by `bench/run.sh --channel-events`: %d conversations active at once, each
        gets one agent reply per round of 10 s, spread over it (20 replies a second; %d measured
        rounds, %d replies), the service on a real `temporal server start-dev` and PostgreSQL,
        the webhook on loopback.

        | from | p50 ms | p99 ms | max ms |
        |---|---|---|---|
        | the agent's `202` to the hook's receipt of `message.created` | %.0f | %.0f | %.0f |
        | the agent's request to the hook's receipt | %.0f | %.0f | %.0f |
        """
            .formatted(
                json.get("generatedAt"),
                CONVERSATIONS,
                rounds,
                from202.count(),
                from202.p50(),
                from202.p99(),
                from202.max(),
                fromRequest.p50(),
                fromRequest.p99(),
                fromRequest.max()));
    BenchMain.log(
        "channel events: 202 to receipt p50 %.0f ms, p99 %.0f ms"
            .formatted(from202.p50(), from202.p99()));
  }
}
