package dev.sessionflow.worker.api;

import java.util.regex.Pattern;

/** Identifiers that callers choose (conversation and message ids) or pass back (session ids). */
public final class PathIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private PathIds() {}

  public static String check(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw ApiException.invalid(field, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : @ -");
    }
    return value;
  }
}
