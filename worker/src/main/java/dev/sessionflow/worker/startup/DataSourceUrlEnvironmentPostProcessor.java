package dev.sessionflow.worker.startup;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the database URL one the service can use, or refuses to start naming it and the fix: a
 * plain H2 URL ({@code jdbc:h2:file:./data/x}) gets the modes the schema and queries need; an H2
 * URL that sets another mode, or a database other than H2 and PostgreSQL, stops the start-up
 * (rather than a healthy service whose every request fails). An H2 database on disk writes every
 * commit before it answers ({@code WRITE_DELAY=0}): by default H2 flushes up to half a second
 * later, and a crash in between loses writes the API already acknowledged.
 */
public class DataSourceUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {
  static final String PROPERTY = "spring.datasource.url";

  /** The H2 settings the SQL needs, in the order they are appended. */
  static final Map<String, String> H2_MODES =
      Map.of("MODE", "PostgreSQL", "DATABASE_TO_LOWER", "TRUE", "DEFAULT_NULL_ORDERING", "HIGH");

  private static final String[] H2_ORDER = {"MODE", "DATABASE_TO_LOWER", "DEFAULT_NULL_ORDERING"};

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    String url = env.getProperty(PROPERTY);
    if (url == null || url.isBlank()) {
      return;
    }
    String usable = usable(url.trim());
    if (!usable.equals(url)) {
      env.getPropertySources()
          .addFirst(new MapPropertySource("sessionflowDataSourceUrl", Map.of(PROPERTY, usable)));
    }
  }

  static String usable(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return url;
    }
    if (!lower.startsWith("jdbc:h2:")) {
      throw refuse(
          url,
          "is not a database sessionflow supports: use PostgreSQL (jdbc:postgresql://host:5432/db)"
              + " or H2 (jdbc:h2:file:./data/sessionflow)");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    String[] parts = url.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      settings.put(kv[0].trim().toUpperCase(Locale.ROOT), kv.length == 2 ? kv[1].trim() : "");
    }
    StringBuilder fixed = new StringBuilder(url);
    for (String key : H2_ORDER) {
      String wanted = H2_MODES.get(key);
      String set = settings.get(key);
      if (set == null) {
        fixed.append(';').append(key).append('=').append(wanted);
      } else if (!set.equalsIgnoreCase(wanted)) {
        throw refuse(
            url,
            "sets "
                + key
                + "="
                + set
                + "; sessionflow needs "
                + key
                + "="
                + wanted
                + ": remove the setting (the service adds MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH itself)");
      }
    }
    boolean onDisk = !lower.startsWith("jdbc:h2:mem:");
    String delay = settings.get(WRITE_DELAY);
    if (onDisk && delay == null) {
      fixed.append(';').append(WRITE_DELAY).append("=0");
    } else if (onDisk && !delay.equals("0")) {
      throw refuse(
          url,
          "sets "
              + WRITE_DELAY
              + "="
              + delay
              + ": a crash would lose writes the service already acknowledged; remove the setting"
              + " (the service adds WRITE_DELAY=0 itself)");
    }
    return fixed.toString();
  }

  private static final String WRITE_DELAY = "WRITE_DELAY";

  private static IllegalStateException refuse(String url, String why) {
    String shown = url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    return new IllegalStateException(
        "Refusing to start: the database URL (SPRING_DATASOURCE_URL=" + shown + ") " + why);
  }
}
