package dev.sessionflow.workflows.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.Activity;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndUserErasureTest {
  /** The service as an erasure sees it: two running sessions, a store that fails once. */
  static final class FakeService implements ErasureActivities {
    final List<String> ended = new ArrayList<>();
    int eraseAttempts;
    int retireCalls;
    final List<Long> retiredAt = new ArrayList<>();

    /** How many retire calls find a session still settling. */
    int busyFor = 1;

    final List<String> keysDestroyedFor = new ArrayList<>();

    @Override
    public List<String> openSessions(String endUserId) {
      return List.of("s-1", "s-2").stream().filter(s -> !ended.contains(s)).toList();
    }

    @Override
    public void endErased(String sessionId) {
      ended.add(sessionId);
    }

    @Override
    public Erased eraseStored(Erasure erasure) {
      if (++eraseAttempts == 1) {
        // as when the replica running it dies mid-transaction: nothing committed, tried again
        throw new IllegalStateException("connection reset");
      }
      return new Erased(0, 2, 7, 1, 2);
    }

    @Override
    public List<String> retireSessions(String endUserId) {
      assertThat(eraseAttempts).as("the store is erased before any workflow retires").isEqualTo(2);
      retiredAt.add(Activity.getExecutionContext().getInfo().getScheduledTimestamp());
      return ++retireCalls <= busyFor ? List.of("s-2") : List.of();
    }

    @Override
    public int destroyDataKeys(Erasure erasure) {
      assertThat(retireCalls).as("keys go once nothing is left to read them").isGreaterThan(0);
      keysDestroyedFor.add(erasure.endUserId());
      return 2;
    }
  }

  TestWorkflowEnvironment env;
  FakeService service;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    service = new FakeService();
    Worker worker = env.newWorker(EndUserErasure.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(EndUserErasureImpl.class);
    worker.registerActivitiesImplementations(service);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private Erased erase() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            EndUserErasure.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("erasure-test")
                .setTaskQueue(EndUserErasure.TASK_QUEUE)
                .build())
        .run(new Erasure("u-1", "admin-1"));
  }

  @Test
  void endsEveryRunningSessionFirstThenErasesThroughAFailureThenShredsTheKeys() {
    Erased erased = erase();

    assertThat(service.ended).containsExactly("s-1", "s-2");
    assertThat(service.eraseAttempts).isEqualTo(2);
    assertThat(service.retireCalls).as("once busy, then retired").isEqualTo(2);
    assertThat(service.keysDestroyedFor).containsExactly("u-1");
    assertThat(erased).isEqualTo(new Erased(2, 2, 7, 1, 2, 2));
  }

  @Test
  void aSessionThatNeverSettlesLosesItsKeyAfterADay() {
    service.busyFor = Integer.MAX_VALUE;
    Erased erased = erase();

    long waited = service.retiredAt.getLast() - service.retiredAt.getFirst();
    assertThat(waited).isBetween(Duration.ofDays(1).toMillis(), Duration.ofHours(25).toMillis());
    assertThat(service.retireCalls).as("backing off to every 10 minutes").isBetween(140, 160);
    assertThat(erased.dataKeysDestroyed()).isEqualTo(2);
  }
}
