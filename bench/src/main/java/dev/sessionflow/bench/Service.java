package dev.sessionflow.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service under test: {@code worker/target/sessionflow.jar} in its own JVM, recorded by JFR
 * from its start when {@code recording} is set (written when it stops).
 */
final class Service implements AutoCloseable {
  static final String HEAP = "-Xmx512m";

  final int port = Proc.freePort();
  final Process process;
  final Duration startup;
  final Http http;
  final Path recording;

  /** The embedded defaults: in-process Temporal, in-memory H2. */
  Service(Path jar, Path dir, String name) {
    this(jar, dir, name, null, null, false);
  }

  /**
   * @param temporalAddress null: the embedded defaults (in-process Temporal, in-memory H2)
   */
  Service(Path jar, Path dir, String name, String temporalAddress, Store store, boolean record) {
    this(jar, dir, name, temporalAddress, store, record, Map.of());
  }

  /**
   * @param extraEnv more of the service's environment (e.g. the networks webhooks may reach)
   */
  Service(
      Path jar,
      Path dir,
      String name,
      String temporalAddress,
      Store store,
      boolean record,
      Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("SERVER_PORT", Integer.toString(port));
    if (temporalAddress != null) {
      env.put("TEMPORAL_ADDRESS", temporalAddress);
      env.put("SPRING_PROFILES_ACTIVE", "dev"); // the development tokens, with a real server
      env.putAll(store.env());
    }
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(Proc.java(), HEAP));
    recording = record ? dir.resolve(name + ".jfr") : null;
    if (record) {
      command.addAll(Profile.options(recording));
    }
    command.addAll(List.of("-jar", jar.toString()));
    long start = System.nanoTime();
    process = Proc.start(command, env, log);
    Proc.awaitHttp(
        "http://127.0.0.1:" + port + "/actuator/health", Duration.ofSeconds(300), process, log);
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
