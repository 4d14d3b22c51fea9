package dev.sessionflow.worker.realserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer in front of the cluster's frontends, as a deployment has one: each new
 * connection goes to the next frontend that accepts it, so a client reconnects to a live node when
 * its node dies.
 */
final class FrontendBalancer implements AutoCloseable {
  private final List<InetSocketAddress> frontends;
  private final ServerSocket server;
  private final AtomicInteger next = new AtomicInteger();

  FrontendBalancer(List<String> addresses) {
    this.frontends =
        addresses.stream()
            .map(a -> new InetSocketAddress(a.split(":")[0], Integer.parseInt(a.split(":")[1])))
            .toList();
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread.ofVirtual().name("frontend-balancer").start(this::accept);
  }

  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> route(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void route(Socket client) {
    for (int tried = 0; tried < frontends.size(); tried++) {
      InetSocketAddress frontend =
          frontends.get(Math.floorMod(next.getAndIncrement(), frontends.size()));
      Socket upstream = new Socket();
      try {
        upstream.connect(frontend, 1_000);
      } catch (IOException down) {
        closeQuietly(upstream);
        continue;
      }
      Thread.ofVirtual().start(() -> pipe(client, upstream));
      pipe(upstream, client);
      return;
    }
    closeQuietly(client);
  }

  /** Copies until either side ends, then closes both, so the client sees a dead node at once. */
  private static void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ended) {
      // reset or closed: fall through and close both
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
