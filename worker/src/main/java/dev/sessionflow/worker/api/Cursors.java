package dev.sessionflow.worker.api;

import dev.sessionflow.activities.support.Limits;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * List cursors ({@code ?after=}): the position of the last item of a page, which clients pass back
 * unchanged. Each list's cursor has a pattern the OpenAPI document declares, and every value that
 * matches it is a position (a page after it may be empty); anything else is a {@code 400
 * validation}. Lists hold at most {@link #MAX_LIMIT} items a page.
 */
public final class Cursors {
  public static final int MAX_LIMIT = 1000;

  /** Sessions: epoch second and nanosecond of the last one opened, then its id. */
  public static final String SESSIONS_PATTERN =
      "^[0-9]{1,11}\\.[0-9]{9}~[A-Za-z0-9._:@-]{1," + Limits.ID + "}$";

  /** Transcripts: the sequence number of the last message. */
  public static final String TRANSCRIPT_PATTERN = "^[0-9]{1,18}$";

  private static final Pattern SESSIONS = Pattern.compile(SESSIONS_PATTERN);
  private static final Pattern TRANSCRIPT = Pattern.compile(TRANSCRIPT_PATTERN);

  private Cursors() {}

  public static String sessions(Instant openedAt, String sessionId) {
    return openedAt.getEpochSecond()
        + "."
        + String.format("%09d", openedAt.getNano())
        + "~"
        + sessionId;
  }

  /** The position a sessions cursor names: when the last session opened, and its id. */
  public static Map.Entry<Instant, String> sessionsPosition(String cursor) {
    if (!SESSIONS.matcher(cursor).matches()) {
      throw invalid();
    }
    int dot = cursor.indexOf('.');
    int tilde = cursor.indexOf('~');
    return Map.entry(
        Instant.ofEpochSecond(
            Long.parseLong(cursor.substring(0, dot)),
            Long.parseLong(cursor.substring(dot + 1, tilde))),
        cursor.substring(tilde + 1));
  }

  public static String transcript(long seq) {
    return Long.toString(seq);
  }

  public static long transcriptPosition(String cursor) {
    if (!TRANSCRIPT.matcher(cursor).matches()) {
      throw invalid();
    }
    return Long.parseLong(cursor);
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
