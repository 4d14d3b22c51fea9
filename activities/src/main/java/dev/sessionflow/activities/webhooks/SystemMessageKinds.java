package dev.sessionflow.activities.webhooks;

import java.util.Map;

/**
 * The kinds of SYSTEM message as the end user's side names them (channel events, the widget), by
 * the store's kind: {@code WARNING}, {@code ENDED}, {@code SURVEY}, {@code NOTICE}, {@code
 * OUT_OF_HOURS}.
 */
public final class SystemMessageKinds {
  private static final Map<String, String> KINDS =
      Map.of(
          "INACTIVITY_WARNING", "WARNING",
          "SESSION_ENDED", "ENDED",
          "CSAT_INVITATION", "SURVEY",
          "AUTOMATION", "NOTICE",
          "OUT_OF_HOURS", "OUT_OF_HOURS");

  private SystemMessageKinds() {}

  /** The end user's name for a stored kind; null for a message that has none. */
  public static String forEndUser(String stored) {
    return stored == null ? null : KINDS.getOrDefault(stored, stored);
  }
}
