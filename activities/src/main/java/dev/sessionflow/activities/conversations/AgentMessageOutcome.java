package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.sessions.SessionRecord;
import java.time.Instant;

/**
 * What became of an agent's message.
 *
 * @param sequence the stored message's sequence number (0 when nothing is stored)
 * @param storedAt when the store took the message (null when nothing is stored)
 * @param settingsVersion the settings' version while the message was stored (0 when nothing is
 *     stored, or before the settings were first stored)
 */
public record AgentMessageOutcome(
    Result result, SessionRecord session, long sequence, Instant storedAt, long settingsVersion) {
  public AgentMessageOutcome(Result result, SessionRecord session) {
    this(result, session, 0, null, 0);
  }

  public enum Result {
    STORED,
    DUPLICATE,
    NO_SUCH_SESSION,
    SESSION_ENDED
  }
}
