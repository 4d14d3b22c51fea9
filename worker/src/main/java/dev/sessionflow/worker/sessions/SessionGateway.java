package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;
import dev.sessionflow.workflows.session.EndResult;
import dev.sessionflow.workflows.session.EndedBy;
import dev.sessionflow.workflows.session.MessagingSession;
import dev.sessionflow.workflows.session.SessionPolicy;
import dev.sessionflow.workflows.session.SessionStart;
import dev.sessionflow.workflows.session.SessionWorkflowOptions;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.BatchRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The API's side of the session workflows: wake a session with a message, end one. */
@Component
public class SessionGateway {
  private static final Logger log = LoggerFactory.getLogger(SessionGateway.class);
  static final Duration END_TIMEOUT = Duration.ofSeconds(20);

  private final WorkflowClient client;
  private final SettingsStore settings;
  private final CsatProperties csat;

  public SessionGateway(WorkflowClient client, SettingsStore settings, CsatProperties csat) {
    this.client = client;
    this.settings = settings;
    this.csat = csat;
  }

  /**
   * Signals a stored message to its session, starting the session's workflow if it is not running
   * yet (a new session, or one whose start was cut short by a crash). A session that has already
   * finished is not started again: the message stays in its transcript.
   */
  public void deliver(SessionIdentity session, ChatMessage message) {
    SessionStart start =
        new SessionStart(
            session.sessionId(),
            session.conversationId(),
            session.ticketId(),
            session.endUserId(),
            session.endUserName(),
            settings.current().timers(),
            new SessionPolicy(Set.of(EndedBy.AGENT, EndedBy.ADMIN), csat.expiresAfter(), "SOLVED"),
            null);
    MessagingSession stub =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(stub::run, start);
    request.add(stub::message, message);
    try {
      client.signalWithStart(request);
    } catch (WorkflowExecutionAlreadyStarted finished) {
      log.info(
          "session {} has finished; message {} stays in its transcript",
          session.sessionId(),
          message.messageId());
    }
  }

  /** Asks the session to end and waits for the definitive answer. */
  public EndResult end(String sessionId, EndRequest request)
      throws ExecutionException, TimeoutException, InterruptedException {
    WorkflowStub stub = client.newUntypedWorkflowStub(MessagingSession.workflowId(sessionId));
    return stub.startUpdate(
            UpdateOptions.newBuilder(EndResult.class)
                .setUpdateName("end")
                .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                .build(),
            request)
        .getResultAsync(END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .get(END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the session's workflow is still running. */
  public boolean running(String sessionId) {
    return client
            .newUntypedWorkflowStub(MessagingSession.workflowId(sessionId))
            .describe()
            .getStatus()
        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }
}
