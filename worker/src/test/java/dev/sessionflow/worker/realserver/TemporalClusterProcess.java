package dev.sessionflow.worker.realserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A two-node Temporal cluster on PostgreSQL through {@code scripts/temporal-cluster.sh}, with its
 * own databases and data directory, removed again at the end.
 */
final class TemporalClusterProcess implements AutoCloseable {
  private final Path script;
  private final Map<String, String> env;
  private final Path log;
  private List<String> frontends = List.of();

  TemporalClusterProcess(Path dir, String databasePrefix) {
    this.script = repositoryRoot().resolve("scripts/temporal-cluster.sh");
    this.env =
        Map.of(
            "TEMPORAL_CLUSTER_DIR",
            dir.resolve("temporal-cluster").toString(),
            "TEMPORAL_CLUSTER_DB",
            databasePrefix);
    this.log = dir.resolve("temporal-cluster.log");
  }

  /** {@code start}: builds (once), creates the databases, starts both nodes, registers. */
  TemporalClusterProcess start() {
    frontends =
        run("start", 1_800)
            .lines()
            .filter(l -> l.startsWith("TEMPORAL_ADDRESS="))
            .map(l -> l.substring(17))
            .toList();
    if (frontends.size() != 2) {
      throw new IllegalStateException("expected two frontends, got " + frontends + "; see " + log);
    }
    return this;
  }

  List<String> frontends() {
    return frontends;
  }

  void killNode(int node) {
    run("kill-node " + node, 60);
  }

  void startNode(int node) {
    run("start-node " + node, 180);
  }

  String status() {
    return run("status", 60);
  }

  private String run(String arguments, long timeoutSeconds) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(arguments.split(" ")));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "temporal-cluster.sh " + arguments + " failed: " + out + "\n" + tail());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("scripts/temporal-cluster.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "scripts/temporal-cluster.sh not found above the working dir");
    }
    return dir;
  }

  /** {@code destroy}: stops the nodes and drops the cluster's databases. */
  @Override
  public void close() {
    run("destroy", 120);
  }
}
