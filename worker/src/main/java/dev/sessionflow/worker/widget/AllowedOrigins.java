package dev.sessionflow.worker.widget;

import dev.sessionflow.worker.auth.IdentityMode;
import dev.sessionflow.worker.settings.SettingsService;
import dev.sessionflow.worker.settings.WidgetOriginsInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Which web origins may start widget visitors and frame the chat: those an admin allowed in the
 * settings ({@code widget.allowedOrigins}), and, where the development tokens are accepted, any
 * loopback origin.
 */
@Component
public class AllowedOrigins {
  private static final Pattern LOOPBACK =
      Pattern.compile(
          "^http://(?:localhost|127(?:\\.[0-9]{1,3}){3}|\\[::1\\])"
              + WidgetOriginsInput.PORT
              + "$");

  /** Frame ancestors in development: CSP cannot wildcard an address, so the common ones. */
  private static final List<String> LOOPBACK_ANCESTORS =
      List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");

  private final SettingsService settings;
  private final boolean development;

  AllowedOrigins(SettingsService settings, IdentityMode mode) {
    this.settings = settings;
    this.development = mode.devTokens();
  }

  public boolean allows(String origin) {
    if (origin == null) {
      return false;
    }
    return settings.current().widgetOrigins().contains(origin)
        || (development && LOOPBACK.matcher(origin).matches());
  }

  /** The CSP {@code frame-ancestors} sources: the chat frame shows only inside these. */
  String frameAncestors() {
    List<String> sources = new ArrayList<>(settings.current().widgetOrigins());
    if (development) {
      sources.addAll(LOOPBACK_ANCESTORS);
    }
    return sources.isEmpty() ? "'none'" : String.join(" ", sources);
  }
}
