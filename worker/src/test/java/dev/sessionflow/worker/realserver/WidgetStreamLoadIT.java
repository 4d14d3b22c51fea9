package dev.sessionflow.worker.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sessionflow.worker.ApiClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load run of the web chat widget: 200 visitors each hold their conversation's live stream on the
 * service as its own process, and each writes a message. Reports how long each message took to come
 * back on its own stream (p50, p99), and server threads, database connections and heap with the
 * streams open.
 */
class WidgetStreamLoadIT extends RealServerTestBase {
  private static final Logger log = LoggerFactory.getLogger(WidgetStreamLoadIT.class);
  private static final int VISITORS = 200;

  @Override
  protected Map<String, String> serviceEnv() {
    Map<String, String> env = new HashMap<>(super.serviceEnv());
    // All 200 visitors come from this one address.
    env.put("SESSIONFLOW_RATE_LIMITS_VISITOR_STARTS_PER_IP", "10000");
    return env;
  }

  @Test
  void twoHundredWidgetStreamsEachSeeTheirOwnMessage() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < VISITORS; i++) {
      JsonNode visitor =
          api.post(
                  "/api/v1/widget/visitors",
                  null,
                  "{}",
                  Map.of("Origin", "http://127.0.0.1:" + service.port()))
              .expect(201)
              .json();
      tokens.add(visitor.get("visitorToken").asText());
    }
    Map<String, Double> before = ServiceGauges.read(api);

    HttpClient http = HttpClient.newHttpClient();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    List<HttpResponse<InputStream>> streams = new ArrayList<>();
    for (int i = 0; i < VISITORS; i++) {
      String token = tokens.get(i);
      String marker = "load-message-" + i;
      HttpResponse<InputStream> stream =
          http.sendAsync(
                  HttpRequest.newBuilder(uri("/api/v1/widget/conversation/stream"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream())
              .get(30, TimeUnit.SECONDS);
      assertThat(stream.statusCode()).as("stream " + i).isEqualTo(200);
      streams.add(stream);
      Thread.ofVirtual()
          .start(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains(marker)) {
                      seen.putIfAbsent(marker, System.nanoTime());
                    }
                  }
                } catch (java.io.IOException closed) {
                  // the test closed it
                }
              });
    }
    Ports.sleep(3_000);
    Map<String, Double> streaming = ServiceGauges.read(api);

    Map<String, Long> written = new HashMap<>();
    for (int i = 0; i < VISITORS; i++) {
      written.put("load-message-" + i, System.nanoTime());
      api.post(
              "/api/v1/widget/conversation/messages",
              tokens.get(i),
              "{\"messageId\":\"load-%08d\",\"text\":\"load-message-%d\"}".formatted(i, i))
          .expect(202);
    }
    ApiClient.await(java.time.Duration.ofSeconds(60), () -> seen.size() == VISITORS);
    Map<String, Double> during = ServiceGauges.read(api);
    streams.forEach(s -> Thread.ofVirtual().start(() -> close(s)));

    double[] ms =
        written.entrySet().stream()
            .mapToDouble(e -> (seen.get(e.getKey()) - e.getValue()) / 1e6)
            .sorted()
            .toArray();
    double p50 = ms[ms.length / 2];
    double p99 = ms[(int) Math.ceil(ms.length * 0.99) - 1];
    log.info(
        "widget streams: {} visitors each holding a stream; own message back on the stream p50 {}"
            + " ms, p99 {} ms, max {} ms. Before the streams, with them open, and after the 200"
            + " messages (200 sessions open): server threads {} -> {} -> {}, database connections"
            + " active {} -> {} -> {} (pool {}), heap used {} -> {} -> {} MB",
        VISITORS,
        String.format("%.0f", p50),
        String.format("%.0f", p99),
        String.format("%.0f", Arrays.stream(ms).max().orElse(0)),
        before.get("threads"),
        streaming.get("threads"),
        during.get("threads"),
        before.get("connections"),
        streaming.get("connections"),
        during.get("connections"),
        during.get("pool"),
        String.format("%.0f", before.get("heap") / 1e6),
        String.format("%.0f", streaming.get("heap") / 1e6),
        String.format("%.0f", during.get("heap") / 1e6));
    assertThat(streaming.get("threads") - before.get("threads"))
        .as("streams hold no thread each (they wait on the shared poll)")
        .isLessThan(VISITORS / 4.0);
    assertThat(p99).as("p99 ms from the write to the visitor's own stream").isLessThan(5_000);
  }

  private static void close(HttpResponse<InputStream> stream) {
    try {
      stream.body().close();
    } catch (java.io.IOException ignored) {
      // already gone
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }
}
