package dev.sessionflow.worker.api;

import dev.sessionflow.activities.support.Limits;
import java.util.regex.Pattern;

/** Identifiers that callers choose (conversation and message ids) or pass back (session ids). */
public final class PathIds {
  private static final Pattern ID = Pattern.compile(Limits.ID_PATTERN);

  private PathIds() {}

  public static String check(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw ApiException.invalid(field, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -");
    }
    return value;
  }
}
