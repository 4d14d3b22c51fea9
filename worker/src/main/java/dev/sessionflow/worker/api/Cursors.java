package dev.sessionflow.worker.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque list cursors ({@code ?after=}): the position of the last item of a page, which clients
 * pass back unchanged. Lists hold at most {@link #MAX_LIMIT} items a page.
 */
public final class Cursors {
  public static final int MAX_LIMIT = 1000;
  private static final char SEPARATOR = '\n';

  private Cursors() {}

  public static String encode(String... parts) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            String.join(String.valueOf(SEPARATOR), parts).getBytes(StandardCharsets.UTF_8));
  }

  /** The parts of a cursor this API gave; anything else is a {@code 400 validation}. */
  public static String[] decode(String cursor, int parts) {
    try {
      String[] decoded =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split(String.valueOf(SEPARATOR), -1);
      if (decoded.length == parts) {
        return decoded;
      }
    } catch (IllegalArgumentException e) {
      // not base64: reported below
    }
    throw invalid();
  }

  public static ApiException invalid() {
    return ApiException.invalid("after", "must be a cursor from a previous page's next");
  }

  public static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiException.invalid("limit", "must be 1 to " + MAX_LIMIT);
    }
  }
}
