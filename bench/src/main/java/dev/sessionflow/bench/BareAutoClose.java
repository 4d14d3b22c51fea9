package dev.sessionflow.bench;

import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline of an auto-closed session: the same interaction shape with nothing else. Started
 * with the end user's message, then the agent's; from the agent's last message a warning timer and
 * a warning activity, then a close timer and a close activity. A later message moves the deadline,
 * as it does for a session.
 */
@WorkflowInterface
public interface BareAutoClose {

  @WorkflowMethod
  void run(String id, long closeAfterMillis, long warnBeforeMillis);

  @SignalMethod
  void message(boolean fromAgent);

  class Impl implements BareAutoClose {
    private final BareActivities activities = BareSessionImpl.activities();
    private int messages;
    private boolean agentWroteLast;

    @Override
    public void run(String id, long closeAfterMillis, long warnBeforeMillis) {
      while (true) {
        Workflow.await(() -> agentWroteLast); // only an agent's reply arms the auto-close
        int seen = messages;
        Duration toWarning = Duration.ofMillis(closeAfterMillis - warnBeforeMillis);
        if (Workflow.await(toWarning, () -> messages != seen)) {
          continue;
        }
        activities.warn(id);
        if (Workflow.await(Duration.ofMillis(warnBeforeMillis), () -> messages != seen)) {
          continue;
        }
        activities.close(id);
        return;
      }
    }

    @Override
    public void message(boolean fromAgent) {
      messages++;
      agentWroteLast = fromAgent;
    }
  }

  /** Bare auto-closes started as the scale scenario's sessions are: end user, then agent. */
  final class Batch {
    private final WorkflowClient client;
    private final List<String> ids = new ArrayList<>();

    Batch(WorkflowClient client, int count, Duration closeAfter, Duration warnBefore) {
      this.client = client;
      String tag = Long.toString(System.currentTimeMillis());
      for (int i = 0; i < count; i++) {
        String id = "bare-auto-close-" + tag + "-" + i;
        BareAutoClose starter =
            client.newWorkflowStub(
                BareAutoClose.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(id)
                    .setTaskQueue(BareSession.TASK_QUEUE)
                    .build());
        BatchRequest start = client.newSignalWithStartRequest();
        start.add(starter::run, id, closeAfter.toMillis(), warnBefore.toMillis());
        start.add(starter::message, false);
        client.signalWithStart(start);
        client.newWorkflowStub(BareAutoClose.class, id).message(true);
        ids.add(id);
      }
    }

    /** Waits for every one to close; their Temporal Cloud actions. */
    List<Map<String, Integer>> actions() {
      List<Map<String, Integer>> counted = new ArrayList<>();
      for (String id : ids) {
        client.newUntypedWorkflowStub(id).getResult(Void.class);
        counted.add(Actions.count(client.fetchHistory(id).getHistory()));
      }
      return counted;
    }

    /** One history as JSON, as the recorded ones in bench/src/test/resources/histories are. */
    String history() {
      return client.fetchHistory(ids.get(0)).toJson(true);
    }
  }
}
