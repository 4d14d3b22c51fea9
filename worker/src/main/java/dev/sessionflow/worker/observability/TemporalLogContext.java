package dev.sessionflow.worker.observability;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.lang.reflect.RecordComponent;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Puts the workflow's ids (and the session's) in the MDC around workflow code and activities, and
 * the ticket's and session's ids found in an activity's arguments (records with a {@code ticketId}
 * or {@code sessionId} component). The starter registers every {@code WorkerInterceptor} bean.
 */
@Component
class TemporalLogContext extends WorkerInterceptorBase {

  @Override
  public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
    return new WorkflowInboundCallsInterceptorBase(next) {
      @Override
      public WorkflowOutput execute(WorkflowInput input) {
        return inWorkflow(() -> super.execute(input));
      }

      @Override
      public void handleSignal(SignalInput input) {
        inWorkflow(
            () -> {
              super.handleSignal(input);
              return null;
            });
      }

      @Override
      public UpdateOutput executeUpdate(UpdateInput input) {
        return inWorkflow(() -> super.executeUpdate(input));
      }
    };
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        ActivityInfo info = context.getInfo();
        try (LogContext log = LogContext.open().workflow(info.getWorkflowId(), info.getRunId())) {
          for (Object argument : input.getArguments()) {
            idsOf(argument, log);
          }
          return super.execute(input);
        }
      }
    };
  }

  private static <T> T inWorkflow(Supplier<T> call) {
    WorkflowInfo info = Workflow.getInfo();
    try (LogContext ignored = LogContext.open().workflow(info.getWorkflowId(), info.getRunId())) {
      return call.get();
    }
  }

  /** The ids in an argument that is a record: {@code ticketId()} and {@code sessionId()}. */
  static void idsOf(Object argument, LogContext log) {
    if (argument == null || !argument.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : argument.getClass().getRecordComponents()) {
      String key =
          switch (component.getName()) {
            case LogContext.TICKET_ID -> LogContext.TICKET_ID;
            case LogContext.SESSION_ID -> LogContext.SESSION_ID;
            default -> null;
          };
      if (key != null && component.getType() == String.class) {
        try {
          log.put(key, (String) component.getAccessor().invoke(argument));
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
          // a record we cannot read leaves the key unset
        }
      }
    }
  }
}
