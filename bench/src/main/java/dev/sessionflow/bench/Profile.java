package dev.sessionflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The service's JFR recording (settings {@code profile}) cut into the scenarios' time windows: for
 * each, the methods on the CPU most often (self) and the service's own methods most often on the
 * stack (inclusive), as shares of the window's execution samples.
 */
final class Profile {
  /** A scenario's time window in the recording. */
  record Window(String scenario, Instant from, Instant to) {}

  /** One method and its share of the window's samples. */
  record Frame(String method, double percent) {}

  /** The top frames of one scenario, and its samples by component. */
  record Top(
      String scenario, int samples, List<Frame> components, List<Frame> self, List<Frame> service) {
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("samples", samples);
      m.put(
          "components",
          components.stream()
              .map(f -> Map.of("component", f.method(), "percent", f.percent()))
              .toList());
      m.put(
          "self",
          self.stream().map(f -> Map.of("method", f.method(), "percent", f.percent())).toList());
      m.put(
          "serviceInclusive",
          service.stream().map(f -> Map.of("method", f.method(), "percent", f.percent())).toList());
      return m;
    }
  }

  static final int TOP = 8;
  private static final String SERVICE_PACKAGE = "dev.sessionflow.";

  /**
   * Components by package prefix: a sample counts for the component of the frame nearest the top of
   * its stack that has one (a JDBC driver's frame under the service's code counts as the driver).
   */
  private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

  static {
    COMPONENTS.put("org.postgresql.", "JDBC driver (PostgreSQL)");
    COMPONENTS.put("org.h2.", "H2");
    COMPONENTS.put("com.zaxxer.hikari.", "connection pool");
    COMPONENTS.put("org.springframework.jdbc.", "Spring JDBC");
    COMPONENTS.put("org.flywaydb.", "Flyway");
    COMPONENTS.put("io.grpc.", "gRPC (Temporal client and worker)");
    COMPONENTS.put("com.google.protobuf.", "protobuf");
    COMPONENTS.put("io.temporal.internal.replay.", "workflow tasks (Temporal SDK)");
    COMPONENTS.put("io.temporal.internal.statemachines.", "workflow tasks (Temporal SDK)");
    COMPONENTS.put("io.temporal.internal.sync.", "workflow tasks (Temporal SDK)");
    COMPONENTS.put("io.temporal.", "Temporal SDK, other");
    COMPONENTS.put("com.fasterxml.jackson.", "JSON (Jackson)");
    COMPONENTS.put("tools.jackson.", "JSON (Jackson)");
    COMPONENTS.put("org.springframework.security.", "Spring Security");
    COMPONENTS.put("io.micrometer.", "metrics and observations (Micrometer)");
    COMPONENTS.put("io.opentelemetry.", "tracing (OpenTelemetry)");
    COMPONENTS.put("io.opentracing.", "tracing (OpenTelemetry)");
    COMPONENTS.put("ch.qos.logback.", "logging");
    COMPONENTS.put("org.slf4j.", "logging");
    COMPONENTS.put("io.github.bucket4j.", "rate limiting (Bucket4j)");
    COMPONENTS.put("org.springframework.web.", "Spring MVC");
    COMPONENTS.put("org.apache.", "Tomcat (HTTP)");
    COMPONENTS.put("dev.sessionflow.", "sessionflow's own code");
    COMPONENTS.put("org.springframework.", "Spring, other");
    COMPONENTS.put("jdk.jfr.", "JFR");
  }

  private Profile() {}

  /** The JVM options that record the service from its start; the file is written at exit. */
  static List<String> options(Path file) {
    return List.of(
        "-XX:FlightRecorderOptions:stackdepth=256",
        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + file);
  }

  static List<Top> analyse(Path recording, List<Window> windows) throws IOException {
    Map<String, Counts> byScenario = new LinkedHashMap<>();
    for (Window w : windows) {
      byScenario.computeIfAbsent(w.scenario(), k -> new Counts());
    }
    if (recording == null || !Files.exists(recording)) {
      return List.of();
    }
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        Instant at = event.getStartTime();
        for (Window w : windows) {
          if (!at.isBefore(w.from()) && at.isBefore(w.to())) {
            byScenario.get(w.scenario()).add(event.getStackTrace());
          }
        }
      }
    }
    List<Top> tops = new ArrayList<>();
    byScenario.forEach(
        (scenario, c) ->
            tops.add(
                new Top(
                    scenario, c.samples, c.top(c.components), c.top(c.self), c.top(c.service))));
    return tops;
  }

  private static final class Counts {
    int samples;
    final Map<String, Integer> self = new HashMap<>();
    final Map<String, Integer> service = new HashMap<>();
    final Map<String, Integer> components = new HashMap<>();

    void add(RecordedStackTrace stack) {
      if (stack == null || stack.getFrames().isEmpty()) {
        return;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      self.merge(name(frames.getFirst()), 1, Integer::sum);
      components.merge(component(frames), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = name(frame);
        // generated proxies and lambdas repeat the method they stand for
        if (name.startsWith(SERVICE_PACKAGE) && !name.contains("$$") && seen.add(name)) {
          service.merge(name, 1, Integer::sum);
        }
      }
    }

    List<Frame> top(Map<String, Integer> byMethod) {
      return byMethod.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(TOP)
          .map(e -> new Frame(e.getKey(), Math.round(1000.0 * e.getValue() / samples) / 10.0))
          .toList();
    }
  }

  private static String component(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> c : COMPONENTS.entrySet()) {
        if (type.startsWith(c.getKey())) {
          return c.getValue();
        }
      }
    }
    return "JDK (threads, I/O, collections)";
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
