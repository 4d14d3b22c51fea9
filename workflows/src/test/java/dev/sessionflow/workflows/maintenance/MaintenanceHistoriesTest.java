package dev.sessionflow.workflows.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.erasure.EndUserErasure;
import dev.sessionflow.workflows.erasure.EndUserErasureImpl;
import dev.sessionflow.workflows.erasure.Erased;
import dev.sessionflow.workflows.erasure.Erasure;
import dev.sessionflow.workflows.erasure.ErasureActivities;
import dev.sessionflow.workflows.retention.Purged;
import dev.sessionflow.workflows.retention.RetentionActivities;
import dev.sessionflow.workflows.retention.TranscriptRetention;
import dev.sessionflow.workflows.retention.TranscriptRetentionImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recorded histories of the maintenance workflows as first deployed, replayed on every build: a
 * change to their deployed logic that these histories do not replay needs a version marker.
 * Recorded again with -Dsessionflow.recordHistories=true.
 */
class MaintenanceHistoriesTest {
  static final String RETENTION = "retention-pass";

  /** Recorded before {@code shred-data-keys}: an erasure of the store only. */
  static final String ERASURE = "end-user-erasure";

  /** The erasure that then retires the sessions' workflows and destroys their data keys. */
  static final String SHREDDING = "end-user-erasure-shredding";

  /** A store with 600 sessions due: two batches. */
  static final class Store implements RetentionActivities {
    long due = 600;

    @Override
    public Instant purgeCutoff() {
      return Instant.parse("2026-01-01T00:00:00Z");
    }

    @Override
    public Purged purgeBatch(Instant cutoff, int sessions) {
      long taken = Math.min(due, sessions);
      due -= taken;
      return new Purged(taken, 3 * taken, taken);
    }

    @Override
    public void record(String runId, Instant cutoff, Purged purged) {}
  }

  /** One running session to end. */
  static final class Service implements ErasureActivities {
    @Override
    public List<String> openSessions(String endUserId) {
      return List.of("s-1");
    }

    @Override
    public void endErased(String sessionId) {}

    @Override
    public Erased eraseStored(Erasure erasure) {
      return new Erased(0, 1, 4, 1, 1);
    }

    /** The ended session settles while the erasure waits once. */
    private int retireCalls;

    @Override
    public List<String> retireSessions(String endUserId) {
      return ++retireCalls == 1 ? List.of("s-1") : List.of();
    }

    @Override
    public int destroyDataKeys(Erasure erasure) {
      return 1;
    }
  }

  @Test
  void theRecordedPassesReplay() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(RETENTION), TranscriptRetentionImpl.class);
    WorkflowReplayer.replayWorkflowExecution(history(ERASURE), EndUserErasureImpl.class);
    WorkflowReplayer.replayWorkflowExecution(history(SHREDDING), EndUserErasureImpl.class);
    assertThat(read(RETENTION).split("\"PurgeBatch\"")).hasSize(3);
    // The old history reaches the marker's call site (after EraseStored) and completes there.
    assertThat(read(ERASURE)).contains("\"EndErased\"", "\"EraseStored\"");
    String marker =
        java.util.Base64.getEncoder()
            .withoutPadding()
            .encodeToString(("\"" + EndUserErasureImpl.SHRED_DATA_KEYS + "\"").getBytes());
    assertThat(read(ERASURE)).doesNotContain("EVENT_TYPE_MARKER_RECORDED", "RetireSessions");
    assertThat(read(SHREDDING)).contains(marker, "EVENT_TYPE_TIMER_STARTED", "\"DestroyDataKeys\"");
    assertThat(read(SHREDDING).split("\"RetireSessions\"")).hasSize(3);
  }

  @Test
  void recordsWhenAsked() throws Exception {
    if (System.getProperty("sessionflow.recordHistories") == null) {
      assertThat(read(RETENTION)).contains("TranscriptRetention");
      assertThat(read(ERASURE)).contains("EndUserErasure");
      assertThat(read(SHREDDING)).contains("EndUserErasure");
      return;
    }
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(TranscriptRetention.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(
          TranscriptRetentionImpl.class, EndUserErasureImpl.class);
      worker.registerActivitiesImplementations(new Store(), new Service());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      client.newWorkflowStub(TranscriptRetention.class, options(RETENTION)).run();
      client
          .newWorkflowStub(EndUserErasure.class, options(SHREDDING))
          .run(new Erasure("u-1", "ops"));
      for (String name : List.of(RETENTION, SHREDDING)) {
        Files.writeString(
            Path.of("src/test/resources/histories").resolve(name + ".json"),
            client.fetchHistory(name).toJson(true));
      }
    }
  }

  private static WorkflowOptions options(String id) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(TranscriptRetention.TASK_QUEUE)
        .build();
  }

  private static WorkflowExecutionHistory history(String name) throws Exception {
    return WorkflowExecutionHistory.fromJson(read(name));
  }

  private static String read(String name) throws Exception {
    try (InputStream in =
        MaintenanceHistoriesTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      assertThat(in).as("recorded history " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
