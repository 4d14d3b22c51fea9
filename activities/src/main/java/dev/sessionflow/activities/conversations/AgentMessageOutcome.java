package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.sessions.SessionRecord;

/** What became of an agent's message. */
public record AgentMessageOutcome(Result result, SessionRecord session) {
  public enum Result {
    STORED,
    DUPLICATE,
    NO_SUCH_SESSION,
    SESSION_ENDED
  }
}
