package dev.sessionflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The service under test: {@code worker/target/sessionflow.jar} in its own JVM. */
final class Service implements AutoCloseable {
  static final String HEAP = "-Xmx512m";

  final int port = Proc.freePort();
  final Process process;
  final Duration startup;
  final Http http;

  /**
   * @param temporalAddress null: the embedded defaults (in-process Temporal, in-memory H2)
   */
  Service(Path jar, Path dir, String name, String temporalAddress) {
    Map<String, String> env = new HashMap<>();
    env.put("SERVER_PORT", Integer.toString(port));
    if (temporalAddress != null) {
      env.put("TEMPORAL_ADDRESS", temporalAddress);
      env.put("SPRING_PROFILES_ACTIVE", "dev"); // the development tokens, with a real server
      env.put(
          "SPRING_DATASOURCE_URL",
          "jdbc:h2:file:"
              + dir.resolve(name + "-tickets")
              + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
              + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0");
    }
    Path log = dir.resolve(name + ".log");
    long start = System.nanoTime();
    process = Proc.start(List.of(Proc.java(), HEAP, "-jar", jar.toString()), env, log);
    Proc.awaitHttp(
        "http://127.0.0.1:" + port + "/actuator/health", Duration.ofSeconds(180), process, log);
    startup = Duration.ofNanos(System.nanoTime() - start);
    http = new Http("http://127.0.0.1:" + port);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    Proc.stop(process);
  }
}
