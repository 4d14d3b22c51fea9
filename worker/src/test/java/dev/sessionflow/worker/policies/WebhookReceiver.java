package dev.sessionflow.worker.policies;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sessionflow.activities.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback that answers 500 to its first requests, then 200. */
final class WebhookReceiver implements AutoCloseable {
  /** How old a delivery's timestamp may be: the receiver's replay window. */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /**
   * @param eventId the {@code webhook-id} header (the event's id)
   * @param type the event's type, from the body
   * @param legacyHeaders whether any header of earlier releases came along ({@code
   *     X-Sessionflow-*}: the signature without a timestamp could be replayed)
   */
  record Delivery(
      String eventId,
      String type,
      String body,
      boolean legacyHeaders,
      long timestamp,
      List<String> signatures) {

    /**
     * What a receiver checks (Standard Webhooks): one of the space-separated {@code v1,<base64>}
     * signatures is the HMAC of {@code id.timestamp.body} under the secret, and the timestamp is
     * within the replay window.
     */
    boolean verifies(String secret) {
      long age = Math.abs(Instant.now().getEpochSecond() - timestamp);
      return age <= TOLERANCE.toSeconds()
          && signatures.contains(
              WebhookSigner.standard(
                  secret, eventId, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<Delivery> accepted = new CopyOnWriteArrayList<>();
  final AtomicInteger requests = new AtomicInteger();
  private final HttpServer server;

  WebhookReceiver(String secret, int failFirst) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int n = requests.incrementAndGet();
          int status = n <= failFirst ? 500 : 200;
          if (status == 200) {
            var headers = exchange.getRequestHeaders();
            accepted.add(
                new Delivery(
                    headers.getFirst(WebhookSigner.ID),
                    JSON.readTree(body).path("type").asText(),
                    new String(body, StandardCharsets.UTF_8),
                    headers.keySet().stream()
                        .anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-sessionflow-")),
                    Long.parseLong(headers.getFirst(WebhookSigner.TIMESTAMP)),
                    Arrays.asList(headers.getFirst(WebhookSigner.SIGNATURE).split(" "))));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
