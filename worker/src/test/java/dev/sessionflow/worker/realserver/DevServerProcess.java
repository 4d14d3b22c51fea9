package dev.sessionflow.worker.realserver;

import dev.sessionflow.devserver.TemporalCli;
import dev.sessionflow.workflows.codec.EncryptedDataConverter;
import dev.sessionflow.workflows.codec.PayloadKeys;
import dev.sessionflow.workflows.session.SessionSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Temporal server: {@code temporal server start-dev} with its state in a file, so it can be
 * stopped and started again on the same state. The CLI: {@link TemporalCli}; the suite fails, never
 * skips, without it.
 */
final class DevServerProcess implements AutoCloseable {
  private final Path db;
  private final Path log;
  private final int port = Ports.free();
  private final int uiPort = Ports.free();
  private Process process;
  private WorkflowServiceStubs service;

  DevServerProcess(Path dir) {
    this.db = dir.resolve("temporal.db");
    this.log = dir.resolve("temporal.log");
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  /** The server's Web UI. */
  String webUi() {
    return "http://127.0.0.1:" + uiPort;
  }

  DevServerProcess start() {
    List<String> command = TemporalCli.startDev(port, uiPort, db, "warn");
    // The service registers its search attributes itself; the suite proves that on a bare server.
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    Ports.awaitAccepting(port, Duration.ofSeconds(60), process, "temporal server start-dev");
    return this;
  }

  /** Stops the server the way an operator would (SIGTERM), keeping its state file. */
  void stop() {
    if (service != null) {
      service.shutdownNow();
      service = null;
    }
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  WorkflowClient client() {
    if (service == null) {
      service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(address()).build());
    }
    // The services of this suite run with the dev profile: their payloads are under that key.
    return WorkflowClient.newInstance(
        service,
        WorkflowClientOptions.newBuilder()
            .setNamespace("default")
            .setDataConverter(EncryptedDataConverter.of(PayloadKeys.development()))
            .build());
  }

  static List<String> searchAttributeNames() {
    return SessionSearchAttributes.ALL.stream().map(k -> k.getName()).toList();
  }

  @Override
  public void close() {
    stop();
  }
}
