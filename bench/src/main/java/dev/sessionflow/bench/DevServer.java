package dev.sessionflow.bench;

import dev.sessionflow.devserver.TemporalCli;
import dev.sessionflow.workflows.codec.EncryptedDataConverter;
import dev.sessionflow.workflows.codec.PayloadKeys;
import dev.sessionflow.workflows.session.SessionSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
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
    List<String> command =
        new ArrayList<>(TemporalCli.startDev(port, null, dir.resolve("temporal.db"), "error"));
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

  /** A client for the bare baselines: no codec, as bare Temporal. */
  WorkflowClient client() {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  /**
   * A client for the service's sessions, whose payloads are encrypted: the service runs with the
   * dev profile, so under the development key.
   */
  WorkflowClient sessionClient() {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder()
            .setNamespace("default")
            .setDataConverter(EncryptedDataConverter.of(PayloadKeys.development()))
            .build());
  }

  static String version() {
    return Proc.run(List.of(TemporalCli.path(), "--version")).strip();
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    Proc.stop(process);
  }
}
