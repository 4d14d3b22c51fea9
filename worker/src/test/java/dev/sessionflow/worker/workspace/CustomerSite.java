package dev.sessionflow.worker.workspace;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A customer's web site on a loopback address of its own (127.0.0.2, 127.0.0.3, ...), under a host
 * name the browser maps to it: a page that embeds the widget with the one script tag, and a
 * signed-in page that also logs its verified visitor in ({@code /account?jwt=...}).
 */
final class CustomerSite implements AutoCloseable {
  private final HttpServer server;
  final String origin;

  CustomerSite(String host, String address, String service) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    origin = "http://" + host + ":" + server.getAddress().getPort();
    server.createContext(
        "/",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String jwt =
              query != null && query.startsWith("jwt=")
                  ? URLDecoder.decode(query.substring(4), StandardCharsets.UTF_8)
                  : null;
          byte[] page = page(service, jwt).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
  }

  private static String page(String service, String jwt) {
    String login =
        jwt == null
            ? ""
            : "<script>window.sessionflow=window.sessionflow||function(){"
                + "(window.sessionflow.q=window.sessionflow.q||[]).push(arguments)};"
                + "sessionflow('login', '"
                + jwt
                + "');</script>\n";
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Example Shop</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222}
        header{background:#2d6a4f;color:#fff;padding:16px 24px}main{padding:24px;max-width:720px}
        </style></head>
        <body><header><strong>Example Shop</strong></header>
        <main><h1>Garden tools</h1><p>Spades, rakes and watering cans, shipped in two days.</p>
        <p>Questions about an order? Chat with us below.</p></main>
        %s<script src="%s/widget.js" async></script>
        </body></html>
        """
        .formatted(login, service);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
