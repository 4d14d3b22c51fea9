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
import io.temporal.spring.boot.ActivityImpl;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = EndUserErasure.TASK_QUEUE)
public class ErasureActivitiesImpl implements ErasureActivities {
  /** An erasure ends sessions as an admin would, under its own name in the audit. */
  private static final Caller ERASURE = Caller.admin("erasure");

  private final EndUserData data;
  private final SessionService sessions;

  ErasureActivitiesImpl(EndUserData data, SessionService sessions) {
    this.data = data;
    this.sessions = sessions;
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
}
