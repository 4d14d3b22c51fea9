package dev.sessionflow.worker.automation;

import dev.sessionflow.workflows.automation.AutomationRequest;
import dev.sessionflow.workflows.automation.AutomationResult;
import dev.sessionflow.workflows.automation.TicketAutomation;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs ticket updates as {@link TicketAutomation} workflows and waits a while for the outcome. The
 * run id is the workflow id: the same request (same idempotency key) never runs twice, and its
 * outcome can be read later.
 */
@Component
public class AutomationRunner {
  /** How long the API waits before answering 202 with the run to poll. */
  static final Duration WAIT = Duration.ofSeconds(30);

  private final WorkflowClient client;

  /** The memo naming who applied a macro or changed a ticket: "agent agent-1", "admin ops-bot". */
  static final String ACTED_BY = "actedBy";

  AutomationRunner(WorkflowClient client) {
    this.client = client;
  }

  public AutomationRun run(AutomationRequest request) {
    String workflowId = TicketAutomation.workflowId(request.runId());
    TicketAutomation automation =
        client.newWorkflowStub(
            TicketAutomation.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TicketAutomation.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setStaticSummary(
                    request.source().describe()
                        + " on ticket "
                        + request.ticketId()
                        + " by "
                        + request.actor().describe())
                .setMemo(Map.of(ACTED_BY, request.actor().describe()))
                .build());
    try {
      WorkflowClient.start(automation::run, request);
    } catch (WorkflowExecutionAlreadyStarted repeat) {
      // the same request again: answer with its run
    }
    return await(request.runId(), WAIT).orElseThrow();
  }

  /**
   * The run's outcome, waiting up to {@code wait} (zero: its state now); empty if there is no such
   * run.
   */
  public Optional<AutomationRun> await(String runId, Duration wait) {
    WorkflowStub stub = client.newUntypedWorkflowStub(TicketAutomation.workflowId(runId));
    try {
      if (wait.isZero()
          && stub.describe().getStatus()
              == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        throw new TimeoutException("still running");
      }
      AutomationResult done =
          stub.getResult(
              wait.isZero() ? 10_000 : wait.toMillis(),
              TimeUnit.MILLISECONDS,
              AutomationResult.class);
      return Optional.of(new AutomationRun(AutomationRun.Status.COMPLETED, done, actedBy(stub)));
    } catch (TimeoutException stillRunning) {
      return Optional.of(
          new AutomationRun(
              AutomationRun.Status.RUNNING,
              stub.query("progress", AutomationResult.class),
              actedBy(stub)));
    } catch (WorkflowNotFoundException unknown) {
      return Optional.empty();
    }
  }

  /** Who applied it, as the run's memo records (a trigger's run, started by its session: none). */
  private static String actedBy(WorkflowStub stub) {
    return stub.describe().getMemo(ACTED_BY, String.class, String.class);
  }
}
