package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.automation.SessionControl;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.workflows.session.ChatMessage;
import dev.sessionflow.workflows.session.EndRequest;
import dev.sessionflow.workflows.session.SessionErrors;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/** Automation reaches running sessions the way the API does: through their workflows. */
@Component
class TemporalSessionControl implements SessionControl {
  private final SessionGateway gateway;
  private final SessionStore sessions;

  TemporalSessionControl(SessionGateway gateway, SessionStore sessions) {
    this.gateway = gateway;
    this.sessions = sessions;
  }

  @Override
  public EndAnswer end(String sessionId, EndRequest request) {
    return end(sessionId, request, () -> {});
  }

  @Override
  public EndAnswer end(String sessionId, EndRequest request, Runnable heartbeat) {
    try {
      gateway.end(sessionId, request, heartbeat);
      return EndAnswer.ENDED;
    } catch (ExecutionException e) {
      return refused(sessionId, e.getCause());
    } catch (WorkflowUpdateException | WorkflowNotFoundException e) {
      return refused(sessionId, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("session " + sessionId + " did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private EndAnswer refused(String sessionId, Throwable failure) {
    if (SessionErrors.isSessionEnded(failure)) {
      return EndAnswer.ALREADY_ENDED;
    }
    if (failure instanceof WorkflowNotFoundException) {
      boolean ended = sessions.find(sessionId).map(SessionRecord::ended).orElse(false);
      return ended ? EndAnswer.ALREADY_ENDED : EndAnswer.NO_WORKFLOW;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw new IllegalStateException(failure);
  }

  @Override
  public void deliver(SessionRecord s, ChatMessage message) {
    gateway.deliver(SessionIdentity.of(s), message, false);
  }
}
