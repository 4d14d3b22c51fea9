package dev.sessionflow.worker.settings;

import dev.sessionflow.worker.api.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code widget} object of a settings change: the origins allowed to start visitors. */
public final class WidgetOriginsInput {
  public static final int MAX = 50;
  public static final int MAX_LENGTH = 200;

  private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  public static final String PORT =
      "(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3}))?";

  /** An origin as a browser sends it: scheme, lower-case host, and a port if not the default. */
  public static final String PATTERN = "^https?://" + LABEL + "(?:\\." + LABEL + ")*" + PORT + "$";

  private static final Pattern ORIGIN = Pattern.compile(PATTERN);

  private WidgetOriginsInput() {}

  /**
   * The {@code allowedOrigins} of a settings change's {@code widget} object, checked, without
   * repeats; null when the change leaves them.
   */
  static List<String> parse(List<String> list) {
    if (list == null) {
      return null;
    }
    if (list.size() > MAX) {
      throw ApiException.invalid("widget.allowedOrigins", "may name at most " + MAX + " origins");
    }
    Set<String> origins = new LinkedHashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String origin = list.get(i);
      if (!ORIGIN.matcher(origin).matches() || origin.length() > MAX_LENGTH) {
        throw ApiException.invalid(
            "widget.allowedOrigins[" + i + "]",
            "must be an origin as a browser sends it: http(s)://host[:port] in lower case, no"
                + " path");
      }
      origins.add(origin);
    }
    return List.copyOf(origins);
  }
}
