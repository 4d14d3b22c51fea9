package dev.sessionflow.workflows.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TranscriptRetentionTest {
  private static final Instant CUTOFF = Instant.parse("2026-01-01T00:00:00Z");

  /** A store with {@code due} sessions to purge, two messages and one comment each. */
  static final class FakeStore implements RetentionActivities {
    Instant cutoff = CUTOFF;
    long due;
    final List<Integer> batches = new ArrayList<>();
    final List<Purged> recorded = new ArrayList<>();

    @Override
    public Instant purgeCutoff() {
      return cutoff;
    }

    @Override
    public Purged purgeBatch(Instant cutoff, int sessions) {
      batches.add(sessions);
      long taken = Math.min(due, sessions);
      due -= taken;
      return new Purged(taken, 2 * taken, taken);
    }

    @Override
    public void record(String runId, Instant cutoff, Purged purged) {
      recorded.add(purged);
    }
  }

  TestWorkflowEnvironment env;
  FakeStore store;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    store = new FakeStore();
    Worker worker = env.newWorker(TranscriptRetention.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(TranscriptRetentionImpl.class);
    worker.registerActivitiesImplementations(store);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private Purged pass() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            TranscriptRetention.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TranscriptRetention.WORKFLOW_ID)
                .setTaskQueue(TranscriptRetention.TASK_QUEUE)
                .build())
        .run();
  }

  @Test
  void aPassPurgesBatchByBatchUntilABatchComesBackShortThenRecordsTheTotal() {
    store.due = 1_200;

    Purged purged = pass();

    assertThat(store.batches).containsExactly(500, 500, 500);
    assertThat(purged).isEqualTo(new Purged(1_200, 2_400, 1_200));
    assertThat(store.recorded).containsExactly(purged);
  }

  @Test
  void withRetentionOffAPassPurgesAndRecordsNothing() {
    store.cutoff = null;
    store.due = 10;

    assertThat(pass()).isEqualTo(Purged.NONE);
    assertThat(store.batches).isEmpty();
    assertThat(store.recorded).isEmpty();
  }

  @Test
  void aBacklogBeyondOnePassIsLeftToTheNext() {
    store.due = (long) TranscriptRetentionImpl.BATCH * TranscriptRetentionImpl.MAX_BATCHES + 7;

    pass();

    assertThat(store.batches).hasSize(TranscriptRetentionImpl.MAX_BATCHES);
    assertThat(store.due).isEqualTo(7);
    assertThat(pass().sessions()).isEqualTo(7);
  }
}
