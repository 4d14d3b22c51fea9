package dev.sessionflow.bench;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the server's visibility store says about workflows of a run. */
final class Visibility {
  private Visibility() {}

  /**
   * When each of the completed workflows {@code ids} (of {@code workflowType}) closed, by the
   * server's clock. Visibility is written after the close, so this asks again until every one is
   * listed or {@code patience} has passed; answers those it found.
   */
  static List<Instant> closeTimes(
      WorkflowClient client, String workflowType, Set<String> ids, Duration patience) {
    String query = "WorkflowType = '" + workflowType + "' AND ExecutionStatus = 'Completed'";
    long deadline = System.nanoTime() + patience.toNanos();
    Map<String, Instant> closed = new HashMap<>();
    while (true) {
      try {
        client
            .listExecutions(query)
            .forEach(
                (WorkflowExecutionMetadata m) -> {
                  String id = m.getExecution().getWorkflowId();
                  if (ids.contains(id) && m.getCloseTime() != null) {
                    closed.put(id, m.getCloseTime());
                  }
                });
      } catch (RuntimeException busy) {
        // a listing that times out under load: ask again
      }
      if (closed.size() >= ids.size() || System.nanoTime() > deadline) {
        return new ArrayList<>(closed.values());
      }
      Proc.sleep(2000);
    }
  }
}
