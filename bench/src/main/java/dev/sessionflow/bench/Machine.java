package dev.sessionflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The machine and the versions a run measured on, for the head of the report. */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstLine("/proc/cpuinfo", "model name"));
    m.put("memory", firstLine("/proc/meminfo", "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return m;
  }

  static Map<String, Object> versions() {
    Map<String, Object> m = new LinkedHashMap<>();
    Properties p = new Properties();
    try (InputStream in = Machine.class.getResourceAsStream("/bench-versions.properties")) {
      p.load(in);
    } catch (IOException | NullPointerException e) {
      // reported as unknown
    }
    m.put("temporal CLI", DevServer.version().replace('\n', ' '));
    m.put("Temporal Java SDK", p.getProperty("temporalSdk", "unknown"));
    m.put("Spring Boot", springBootVersion());
    return m;
  }

  /** As the service jar's manifest says. */
  private static String springBootVersion() {
    try (var jar = new java.util.jar.JarFile("worker/target/sessionflow.jar")) {
      return jar.getManifest().getMainAttributes().getValue("Spring-Boot-Version");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String firstLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
