package dev.sessionflow.worker.auth;

import dev.sessionflow.activities.support.DevelopmentMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which Web UIs may call the codec server from a browser: the origins in {@code
 * SESSIONFLOW_CODEC_ALLOWED_ORIGINS}, or, where development stand-ins are allowed and none is set,
 * the local dev server's Web UI.
 */
final class CodecOrigins {
  static final String PROPERTY = "sessionflow.codec.allowed-origins";
  static final List<String> DEVELOPMENT = List.of("http://localhost:8233", "http://127.0.0.1:8233");

  private CodecOrigins() {}

  static CorsConfigurationSource of(Environment env) {
    List<String> origins =
        Arrays.stream(env.getProperty(PROPERTY, "").split(","))
            .map(String::strip)
            .filter(o -> !o.isEmpty())
            .toList();
    if (origins.isEmpty() && DevelopmentMode.allowed(env)) {
      origins = DEVELOPMENT;
    }
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("POST"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Namespace"));
    cors.setAllowCredentials(true);
    cors.setMaxAge(Duration.ofMinutes(10));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/codec/**", cors);
    return source;
  }
}
