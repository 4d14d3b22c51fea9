package dev.sessionflow.worker.temporal;

import dev.sessionflow.workflows.activities.StoreRefusals;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * A session's store write (its local activities: the read model, the close, the warning) that the
 * database refuses for good (a constraint it breaks, a value it cannot hold) fails as {@link
 * StoreRefusals#TYPE}, non-retryably: retrying the same write cannot help, and the session then
 * stalls with its alert for ops instead of trying it every hour. A duplicate key is a race another
 * attempt settles, and an outage stays retryable. Other activities are left as they are: their
 * workflows retry them. The starter registers every {@code WorkerInterceptor} bean.
 */
@Component
class RefusedWrites extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private boolean sessionStoreWrite;

      @Override
      public void init(ActivityExecutionContext context) {
        ActivityInfo info = context.getInfo();
        sessionStoreWrite =
            info.isLocal() && MessagingSession.WORKFLOW_TYPE.equals(info.getWorkflowType());
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        if (!sessionStoreWrite) {
          return super.execute(input);
        }
        try {
          return super.execute(input);
        } catch (DataIntegrityViolationException refused) {
          if (refused instanceof DuplicateKeyException) {
            throw refused;
          }
          throw StoreRefusals.refused(
              "the database refuses the write: " + refused.getMostSpecificCause().getMessage(),
              refused);
        }
      }
    };
  }
}
