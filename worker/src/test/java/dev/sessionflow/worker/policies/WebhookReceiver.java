package dev.sessionflow.worker.policies;

import com.sun.net.httpserver.HttpServer;
import dev.sessionflow.activities.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook receiver on loopback that answers 500 to its first requests, then 200. */
final class WebhookReceiver implements AutoCloseable {
  record Delivery(String eventId, String type, String body, boolean signatureValid) {}

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
            String signature = exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER);
            accepted.add(
                new Delivery(
                    exchange.getRequestHeaders().getFirst("X-Sessionflow-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Sessionflow-Event"),
                    new String(body, StandardCharsets.UTF_8),
                    WebhookSigner.sign(secret, body).equals(signature)));
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
