package dev.sessionflow.worker.realserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The service as its own process ({@code java -jar sessionflow.jar}), so a test can SIGKILL it. */
final class ServiceProcess implements AutoCloseable {
  private final Map<String, String> env;
  private final Path log;
  private final int port = Ports.free();
  private Process process;

  ServiceProcess(Map<String, String> env, Path dir) {
    this.env = env;
    this.log = dir.resolve("service.log");
  }

  int port() {
    return port;
  }

  ServiceProcess start() {
    Path jar = Path.of(System.getProperty("sessionflow.jar", "target/sessionflow.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx512m",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--logging.level.io.temporal=WARN"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // A real Temporal server and a database file: the development tokens need the dev profile.
    builder.environment().put("SPRING_PROFILES_ACTIVE", "dev");
    builder.environment().putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Generous: a replica starting on a loaded two-core machine beside a cluster takes minutes.
    Ports.awaitAccepting(port, Duration.ofSeconds(300), process, "sessionflow (log: " + log + ")");
    return this;
  }

  /** CPU time the running process has used so far (zero when it is not running). */
  Duration cpu() {
    return process == null || !process.isAlive()
        ? Duration.ZERO
        : process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** SIGKILL: no shutdown hooks, no graceful drain, as when a machine dies. */
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      await();
    }
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void await() {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      await();
    }
  }
}
