package dev.sessionflow.workflows.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
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

  @Test
  void endsEveryRunningSessionFirstThenErasesThroughAFailure() {
    Erased erased =
        env.getWorkflowClient()
            .newWorkflowStub(
                EndUserErasure.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("erasure-test")
                    .setTaskQueue(EndUserErasure.TASK_QUEUE)
                    .build())
            .run(new Erasure("u-1", "admin-1"));

    assertThat(service.ended).containsExactly("s-1", "s-2");
    assertThat(service.eraseAttempts).isEqualTo(2);
    assertThat(erased).isEqualTo(new Erased(2, 2, 7, 1, 2));
  }
}
