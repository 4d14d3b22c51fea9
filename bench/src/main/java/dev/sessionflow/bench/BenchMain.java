package dev.sessionflow.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario against a real {@code temporal server start-dev} and writes the report.
 * {@code bench/run.sh} is the way in; {@code baseline-worker <address>} runs the baseline's worker.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("baseline-worker")) {
      BaselineWorker.run(args[1]);
      return;
    }
    if (List.of(args).contains("--channel-events")) {
      ChannelEventLatency.main(List.of(args).contains("--small"));
      System.exit(0);
    }
    boolean small = List.of(args).contains("--small");
    // Scenario 4 alone, e.g. to try the service's cache settings (SESSIONFLOW_WORKFLOW_CACHE_SIZE).
    boolean scaleOnly = List.of(args).contains("--scale-only");
    // Scenarios 1 to 3 alone (about 6 min), to compare changes to the request path quickly.
    boolean lifecycleOnly = List.of(args).contains("--lifecycle-only");
    Params params = small ? Params.SMALL : Params.FULL;
    Path out =
        Path.of(
            "bench/results/"
                + (lifecycleOnly ? "lifecycle" : small ? "small" : "latest")
                + (scaleOnly ? "-scale-cache-" + Params.serviceCache() : ""));
    Path workerJar = Path.of("worker/target/sessionflow.jar");
    Path benchJar = Path.of("bench/target/sessionflow-bench.jar");
    Path dir = Files.createTempDirectory("sessionflow-bench");
    Report report = new Report(params, dir);
    log("bench " + (small ? "small" : "full") + " run; logs in " + dir);

    // Whatever was measured is reported, also when a scenario fails or the run is stopped
    // (SIGTERM, e.g. a run that would not finish in time).
    java.util.concurrent.atomic.AtomicBoolean written =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable write =
        () -> {
          if (written.compareAndSet(false, true)) {
            try {
              report.write(out);
              log("report: " + out + ".md, " + out + ".json");
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    Thread stopped = new Thread(write);
    Runtime.getRuntime().addShutdownHook(stopped);
    // CI runs the small run: a failure must end the process non-zero, also when a thread the run
    // started would keep the JVM alive, and only a run that measured everything ends with 0.
    int status = 1;
    try {
      if (lifecycleOnly) {
        runLifecycle(params, workerJar, benchJar, dir, report);
      } else {
        run(params, scaleOnly, workerJar, benchJar, dir, report);
        report.requireComplete(!scaleOnly);
      }
      status = 0;
    } catch (Throwable failed) {
      failed.printStackTrace();
      log("bench failed: " + failed);
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopped);
    }
    try {
      write.run();
    } catch (RuntimeException unwritten) {
      unwritten.printStackTrace();
      status = 1;
    }
    log("exit " + status);
    System.exit(status);
  }

  private static void runLifecycle(
      Params params, Path workerJar, Path benchJar, Path dir, Report report) throws Exception {
    List<Profile.Window> windows = new ArrayList<>();
    Path recording;
    try (DevServer server = new DevServer(dir)) {
      Process baseline = startBaseline(benchJar, server, dir);
      try (Store store = Store.postgres("service");
          Service service = new Service(workerJar, dir, "service", server.address(), store, true)) {
        recording = service.recording;
        LifecycleRounds.measure(report, params, server, service, windows);
      } finally {
        Proc.stop(baseline);
      }
    }
    report.profiles(Profile.analyse(recording, windows));
  }

  private static void run(
      Params params, boolean scaleOnly, Path workerJar, Path benchJar, Path dir, Report report)
      throws Exception {
    List<Profile.Window> windows = new ArrayList<>();
    Path recording = null;
    Path scaleRecording = null;
    try (DevServer server = new DevServer(dir)) {
      Process baseline = startBaseline(benchJar, server, dir);
      try {
        if (!scaleOnly) {
          try (Store store = Store.postgres("service");
              Service service =
                  new Service(workerJar, dir, "service", server.address(), store, true)) {
            recording = service.recording;
            report.startupDevFirst(service.startup);
            LifecycleRounds.measure(report, params, server, service, windows);
            log("long session");
            Instant from = Instant.now();
            LongSession.Result longRun =
                new LongSession(server.sessionClient(), service.http).run(params.longMessages(), 4);
            windows.add(new Profile.Window("long session (API messages)", from, Instant.now()));
            report.longSession(longRun);
          }
          report.profiles(Profile.analyse(recording, windows)); // written when the service stopped
          log("lifecycle on the H2 file store");
          try (Store store = Store.h2File(dir, "service-h2");
              Service service =
                  new Service(workerJar, dir, "service-h2", server.address(), store, false)) {
            LifecycleRounds.measureH2File(report, params, server, service);
          }
        }
        log("scale baseline: " + params.scaleSessions() + " bare timers");
        TimerBaseline timers = new TimerBaseline(server.client());
        report.bareTimers(
            timers.latenessSeconds(
                params.scaleSessions(),
                params.timerBaselineAfter(),
                params.deadlineSpread(),
                Duration.ZERO,
                params.scaleConcurrency()));
        report.bareTimerStartSeconds(timers.startSeconds());
        report.bareTimerActions(timers.actions());
        report.bareTimerCompletions(timers.completions());
        // Each session warns before it closes: two timers each. The same bare timers with a
        // warning's timer first show what the server alone makes of that many firings.
        log("scale baseline: " + params.scaleSessions() + " bare timers that warn first");
        report.bareWarnedTimers(
            new TimerBaseline(server.client())
                .latenessSeconds(
                    params.scaleSessions(),
                    params.timerBaselineAfter(),
                    params.deadlineSpread(),
                    Scale.WARN_BEFORE,
                    params.scaleConcurrency()));
        // The auto-closed session's baseline for actions: a few bare auto-closes, short ones, that
        // run while the scale scenario's service starts (no time of their own).
        BareAutoClose.Batch bareAutoCloses =
            new BareAutoClose.Batch(
                server.client(), Scale.ACTION_SAMPLE, Duration.ofSeconds(4), Duration.ofSeconds(2));
        log("scale: " + params.scaleSessions() + " open sessions");
        List<Profile.Window> scaleWindows = new ArrayList<>();
        try (Store store = Store.postgres("scale");
            Service service = new Service(workerJar, dir, "scale", server.address(), store, true)) {
          report.bareAutoCloseActions(bareAutoCloses.actions());
          Files.writeString(dir.resolve("bare-auto-close-history.json"), bareAutoCloses.history());
          scaleRecording = service.recording;
          Scale scale = new Scale(service, store, server.sessionClient(), scaleWindows);
          report.scale(
              scale.run(
                  params.scaleSessions(),
                  params.autoClose(),
                  params.deadlineSpread(),
                  params.scaleConcurrency()));
          report.autoCloseActions(scale.actions());
          report.settingsBroadcast(scale.broadcast());
        }
        report.profiles(Profile.analyse(scaleRecording, scaleWindows));
      } finally {
        Proc.stop(baseline);
      }
      if (!scaleOnly) {
        log("settings preview: " + params.previewSessions() + " stored sessions");
        try (Store store = Store.postgres("preview");
            Service service =
                new Service(workerJar, dir, "preview", server.address(), store, false)) {
          report.settingsPreview(PreviewCost.run(service, store, params.previewSessions()));
        }
        log("start-up");
        for (int i = 0; i < params.startups(); i++) {
          try (Service embedded = new Service(workerJar, dir, "embedded-" + i)) {
            report.startup("embedded", embedded.startup);
          }
          try (Store store = Store.postgres("dev-" + i);
              Service dev =
                  new Service(workerJar, dir, "dev-" + i, server.address(), store, false)) {
            report.startup("dev-server", dev.startup);
          }
        }
      }
    }
  }

  private static Process startBaseline(Path benchJar, DevServer server, Path dir) {
    Path log = dir.resolve("baseline.log");
    Process p =
        Proc.start(
            List.of(
                Proc.java(),
                Service.HEAP,
                "-jar",
                benchJar.toString(),
                "baseline-worker",
                server.address()),
            Map.of(),
            log);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Proc.tail(log).contains("baseline worker ready")) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("baseline worker did not start:\n" + Proc.tail(log));
      }
      Proc.sleep(100);
    }
    return p;
  }

  static void log(String line) {
    System.out.println(Instant.now() + " " + line);
  }

  static {
    Http.JSON.enable(SerializationFeature.INDENT_OUTPUT);
  }
}
