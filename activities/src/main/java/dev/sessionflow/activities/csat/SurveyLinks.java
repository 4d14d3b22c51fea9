package dev.sessionflow.activities.csat;

import dev.sessionflow.activities.support.DevelopmentMode;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The end user's survey link, {@code <public base URL>/survey/<token>}: the address a WhatsApp, SMS
 * or email message opens, so it must be the one the end user's phone reaches the service at ({@code
 * sessionflow.public-base-url}, SESSIONFLOW_PUBLIC_BASE_URL). Unset, the links name this machine's
 * port, which only a development setup can use: the service says so at start, and {@code prod}
 * refuses to start.
 */
@Component
public class SurveyLinks {
  private static final Logger log = LoggerFactory.getLogger(SurveyLinks.class);
  public static final String PROPERTY = "sessionflow.public-base-url";

  private final String configured;
  private final Environment env;

  @Autowired
  public SurveyLinks(Environment env) {
    this.env = env;
    String property = env.getProperty(PROPERTY);
    this.configured = blank(property) ? null : base(property, null);
    if (configured == null && !DevelopmentMode.allowed(env)) {
      log.warn(
          "{} is not set: survey links name localhost, which end users' phones cannot open. Set"
              + " SESSIONFLOW_PUBLIC_BASE_URL to the service's public address.",
          PROPERTY);
    }
  }

  /** Links under a fixed base (tests). */
  public SurveyLinks(String base) {
    this.configured = base(base, null);
    this.env = null;
  }

  /** The base URL without a trailing slash; refuses anything but an absolute http(s) URL. */
  public static String base(String configured, String port) {
    if (blank(configured)) {
      return "http://localhost:" + port;
    }
    String trimmed = configured.trim();
    try {
      URI uri = new URI(trimmed);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getQuery() != null
          || uri.getFragment() != null
          || uri.getUserInfo() != null) {
        throw new URISyntaxException(trimmed, "not an absolute http(s) URL without a query");
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          PROPERTY
              + " (SESSIONFLOW_PUBLIC_BASE_URL) must be the service's public http(s) address,"
              + " such as https://support.example.com: "
              + e.getMessage());
    }
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The page where the end user answers the survey of this token. */
  public String surveyUrl(String token) {
    return url("/survey/" + token);
  }

  /** A public address of the service, such as {@code /widget.js} for customers' pages. */
  public String url(String path) {
    return base() + path;
  }

  private String base() {
    if (configured != null) {
      return configured;
    }
    // the port the server listens on, known once it started (server.port may be 0: any free one)
    return base(null, env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
  }
}
