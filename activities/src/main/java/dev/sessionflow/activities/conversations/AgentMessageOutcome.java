package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.sessions.SessionRecord;
import java.time.Instant;

/**
 * What became of an agent's message.
 *
 * @param sequence the stored message's sequence number (0 when nothing is stored)
 * @param storedAt when the store took the message (null when nothing is stored)
 */
public record AgentMessageOutcome(
    Result result, SessionRecord session, long sequence, Instant storedAt) {
  public AgentMessageOutcome(Result result, SessionRecord session) {
    this(result, session, 0, null);
  }

  public enum Result {
    STORED,
    DUPLICATE,
    NO_SUCH_SESSION,
    SESSION_ENDED
  }
}
