package dev.sessionflow.workflows.session;

import io.temporal.failure.ApplicationFailure;

/** Business failures of a session: never retried, mapped by the API to problem types. */
public final class SessionErrors {
  public static final String SESSION_ENDED = "SessionEnded";
  public static final String INVALID_REQUEST = "InvalidRequest";

  private SessionErrors() {}

  private static final String ENDED_MESSAGE = " has already ended";

  static ApplicationFailure sessionEnded(String sessionId) {
    return ApplicationFailure.newNonRetryableFailure(
        "session " + sessionId + ENDED_MESSAGE, SESSION_ENDED);
  }

  /**
   * Whether an end Update failed because the session had already ended. SDK 1.38.0 serializes a
   * validator's ApplicationFailure twice and the client sees the wrapper's type instead of ours
   * (sdk-java issue 2875, fixed after 1.38.0), so the message is the fallback.
   */
  public static boolean isSessionEnded(Throwable updateFailure) {
    for (Throwable t = updateFailure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return SESSION_ENDED.equals(failure.getType())
            || failure.getOriginalMessage().endsWith(ENDED_MESSAGE);
      }
    }
    return false;
  }

  static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, INVALID_REQUEST);
  }
}
