package dev.sessionflow.worker.erasure;

import dev.sessionflow.activities.erasure.EndUserData;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import dev.sessionflow.worker.auth.Caller;
import dev.sessionflow.worker.sessions.EndSessionRequest;
import dev.sessionflow.worker.sessions.SessionService;
import dev.sessionflow.workflows.erasure.EndUserErasure;
import dev.sessionflow.workflows.erasure.Erased;
import dev.sessionflow.workflows.erasure.Erasure;
import dev.sessionflow.workflows.erasure.ErasureActivities;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.spring.boot.ActivityImpl;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = EndUserErasure.TASK_QUEUE)
public class ErasureActivitiesImpl implements ErasureActivities {
  /** An erasure ends sessions as an admin would, under its own name in the audit. */
  private static final Caller ERASURE = Caller.admin("erasure");

  private final EndUserData data;
  private final SessionService sessions;
  private final WorkflowClient temporal;

  ErasureActivitiesImpl(EndUserData data, SessionService sessions, WorkflowClient temporal) {
    this.data = data;
    this.sessions = sessions;
    this.temporal = temporal;
  }

  @Override
  public List<String> openSessions(String endUserId) {
    return data.openSessions(endUserId);
  }

  @Override
  public void endErased(String sessionId) {
    try {
      sessions.end(sessionId, ERASURE, new EndSessionRequest("ERASED", false, null));
    } catch (ApiException e) {
      if (e.type() != ProblemType.SESSION_ENDED && e.type() != ProblemType.NOT_FOUND) {
        throw e;
      }
      // ended meanwhile (by its agent, or by this erasure's earlier attempt): done
    }
  }

  @Override
  public Erased eraseStored(Erasure erasure) {
    return data.erase(erasure);
  }

  @Override
  public List<String> retireSessions(String endUserId) {
    List<String> busy = new ArrayList<>();
    for (String sessionId : data.sessions(endUserId)) {
      WorkflowStub workflow =
          temporal.newUntypedWorkflowStub(MessagingSession.workflowId(sessionId));
      if (!running(workflow)) {
        continue;
      }
      if (data.endedAndSettled(sessionId) && onlyWaitsForReopen(sessionId)) {
        workflow.terminate("end user erased: ended and settled; no reopen after an erasure");
      } else {
        busy.add(sessionId);
      }
    }
    return busy;
  }

  /**
   * Whether the session's workflow has done all its end asked for: the store holds a ticket settled
   * before the workflow has sent the end's webhooks or started its triggers.
   */
  private boolean onlyWaitsForReopen(String sessionId) {
    return temporal
        .newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(sessionId))
        .state()
        .waitingForReopen();
  }

  private static boolean running(WorkflowStub workflow) {
    try {
      return workflow.describe().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException gone) {
      return false; // past the namespace's retention, or never started
    }
  }

  @Override
  public int destroyDataKeys(Erasure erasure) {
    return data.destroyDataKeys(erasure);
  }
}
