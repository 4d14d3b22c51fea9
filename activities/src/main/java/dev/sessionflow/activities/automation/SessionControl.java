package dev.sessionflow.activities.automation;

import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;

/**
 * The running sessions, as automation reaches them (through their workflows; the worker provides
 * it). Failures that may pass (Temporal unreachable, a slow answer) are thrown: the step retries.
 */
public interface SessionControl {

  enum EndAnswer {
    /** The session accepted the end (or had accepted this very request before). */
    ENDED,
    /** The session had already ended, by another request. */
    ALREADY_ENDED,
    /** The store has the session open but no workflow runs it: ops must look. */
    NO_WORKFLOW
  }

  EndAnswer end(String sessionId, EndRequest request);

  /** As {@link #end(String, EndRequest)}, running {@code heartbeat} while the session decides. */
  default EndAnswer end(String sessionId, EndRequest request, Runnable heartbeat) {
    return end(sessionId, request);
  }

  /** Signals a stored agent message to its running session. */
  void deliver(SessionRecord session, ChatMessage message);
}
