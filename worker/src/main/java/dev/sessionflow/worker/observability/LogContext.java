package dev.sessionflow.worker.observability;

import dev.sessionflow.workflows.session.MessagingSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The MDC keys every log line carries where they are known; structured logs (Spring Boot's {@code
 * logging.structured.format.console}) write them as fields.
 */
final class LogContext implements AutoCloseable {
  static final String SESSION_ID = "sessionId";
  static final String TICKET_ID = "ticketId";
  static final String WORKFLOW_ID = "workflowId";
  static final String RUN_ID = "runId";

  private static final String SESSION_WORKFLOW_PREFIX = MessagingSession.workflowId("");

  private final Map<String, String> previous = new LinkedHashMap<>();

  private LogContext() {}

  static LogContext open() {
    return new LogContext();
  }

  /** Sets a key for the scope of this context (a null or blank value leaves it unset). */
  LogContext put(String key, String value) {
    if (value != null && !value.isBlank()) {
      if (!previous.containsKey(key)) {
        previous.put(key, MDC.get(key));
      }
      MDC.put(key, value);
    }
    return this;
  }

  /** A workflow's ids, and the session's id when the workflow is a session's. */
  LogContext workflow(String workflowId, String runId) {
    put(WORKFLOW_ID, workflowId);
    put(RUN_ID, runId);
    if (workflowId != null && workflowId.startsWith(SESSION_WORKFLOW_PREFIX)) {
      put(SESSION_ID, workflowId.substring(SESSION_WORKFLOW_PREFIX.length()));
    }
    return this;
  }

  /** Restores what the keys held before, so a pooled thread does not carry them on. */
  @Override
  public void close() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            MDC.remove(key);
          } else {
            MDC.put(key, value);
          }
        });
  }
}
