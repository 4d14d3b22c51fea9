package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.worker.api.Cursors;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of sessions, newest first.
 *
 * @param next pass as {@code ?after=} for the next page; null on the last page
 */
public record SessionPage(List<SessionResponse> sessions, String next) {

  /** Where the page after cursor {@code after} starts (null: the newest). */
  static SessionStore.Position position(String after) {
    if (after == null) {
      return null;
    }
    Map.Entry<Instant, String> position = Cursors.sessionsPosition(after);
    return new SessionStore.Position(position.getKey(), position.getValue());
  }
}
