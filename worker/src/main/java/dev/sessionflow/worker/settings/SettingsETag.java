package dev.sessionflow.worker.settings;

import dev.sessionflow.worker.api.ApiException;

/**
 * The settings' version as an HTTP entity tag ({@code "7"}), and the version an {@code If-Match}
 * header names. Tags are strong: the version changes with every save.
 */
final class SettingsETag {
  private static final String IF_MATCH_HINT =
      "must be the ETag of GET /api/v1/settings/messaging, e.g. \"7\", or *";

  private SettingsETag() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version a change is made against: null without {@code If-Match} or with {@code *} (the
   * settings always exist), else the one tag it names. A weak or malformed tag is a 400.
   */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    if (tag.length() < 3
        || tag.length() > 21
        || tag.charAt(0) != '"'
        || tag.charAt(tag.length() - 1) != '"') {
      throw ApiException.invalid("If-Match", IF_MATCH_HINT);
    }
    try {
      return Long.parseLong(tag.substring(1, tag.length() - 1));
    } catch (NumberFormatException e) {
      throw ApiException.invalid("If-Match", IF_MATCH_HINT);
    }
  }
}
