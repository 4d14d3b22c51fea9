package dev.sessionflow.workflows.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A conversation's lane on the time-skipping server, against a store in memory: in order, one at a
 * time, a failing message held until given up, a wake during a step not lost, idle completion. With
 * {@code -Dsessionflow.recordLaneHistory=true}, records the first case's history (its second run,
 * after an idle completion) as {@code channel-lane}.
 */
class ChannelLaneTest {
  static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final String HOOK = "h1";
  private static final String CONVERSATION = "c1";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final Lane store = new Lane();

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(ChannelLane.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(ChannelLaneImpl.class);
    worker.registerActivitiesImplementations(store);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void deliversTheStoredMessagesInOrderThenIdlesOut() throws Exception {
    store.stored.addAll(List.of(1L, 2L, 3L));
    wake(1);
    awaitDelivered(3);
    assertThat(store.delivered).containsExactly(1L, 2L, 3L);

    store.stored.add(4L);
    wake(4);
    awaitDelivered(4);
    env.sleep(ChannelLaneImpl.IDLE.plusMinutes(1));
    assertThat(status()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);

    // a wake after it completed starts a new run, which goes on from the store's position
    store.stored.add(5L);
    wake(5);
    awaitDelivered(5);
    assertThat(store.delivered).containsExactly(1L, 2L, 3L, 4L, 5L);
    if (Boolean.getBoolean("sessionflow.recordLaneHistory")) {
      Files.writeString(
          HISTORIES.resolve("channel-lane.json"),
          client.fetchHistory(ChannelLane.workflowId(HOOK, CONVERSATION)).toJson(true));
    }
  }

  @Test
  void aMessageTheReceiverRefusesHoldsTheLaneUntilGivenUpThenTheNextGoes() throws Exception {
    store.stored.addAll(List.of(1L, 2L));
    store.refuse = 1L;
    wake(1);
    env.sleep(Duration.ofHours(23));
    assertThat(store.delivered).isEmpty(); // 2 waits behind 1
    env.sleep(Duration.ofHours(2));
    awaitDelivered(2);
    assertThat(store.delivered).containsExactly(2L);
    assertThat(store.skipped).containsExactly(1L);
  }

  @Test
  void aWakeDuringAStepIsNotLost() throws Exception {
    store.stored.add(1L);
    // while message 1 is posted, message 2 is stored and its wake arrives
    store.duringFirstPost =
        () -> {
          store.stored.add(2L);
          client
              .newWorkflowStub(ChannelLane.class, ChannelLane.workflowId(HOOK, CONVERSATION))
              .wake();
        };
    wake(1);
    awaitDelivered(2);
    assertThat(store.delivered).containsExactly(1L, 2L);
  }

  @Test
  void theRecordedHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Files.readString(HISTORIES.resolve("channel-lane.json"))),
        ChannelLaneImpl.class);
  }

  private void wake(long seq) {
    ChannelLane lane =
        client.newWorkflowStub(
            ChannelLane.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ChannelLane.workflowId(HOOK, CONVERSATION))
                .setTaskQueue(ChannelLane.TASK_QUEUE)
                .build());
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(lane::run, new LaneStart(HOOK, CONVERSATION, seq));
    request.add(lane::wake);
    client.signalWithStart(request);
  }

  private WorkflowExecutionStatus status() {
    WorkflowStub stub = client.newUntypedWorkflowStub(ChannelLane.workflowId(HOOK, CONVERSATION));
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(stub.getExecution())
                .build())
        .getWorkflowExecutionInfo()
        .getStatus();
  }

  private void awaitDelivered(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (store.delivered.size() + store.skipped.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(store.delivered.size() + store.skipped.size()).isEqualTo(count);
  }

  /** The store's messages of one conversation and the lane's position; a receiver that answers. */
  static final class Lane implements LaneActivities {
    final List<Long> stored = new CopyOnWriteArrayList<>();
    final List<Long> delivered = new CopyOnWriteArrayList<>();
    final List<Long> skipped = new CopyOnWriteArrayList<>();
    volatile long position;
    volatile Long refuse;
    volatile Runnable duringFirstPost;
    final AtomicInteger posts = new AtomicInteger();

    @Override
    public LaneProgress deliverNext(LaneStart lane) {
      List<Long> next = stored.stream().filter(s -> s > position).sorted().toList();
      if (next.isEmpty()) {
        return new LaneProgress(null, false);
      }
      long seq = next.getFirst();
      if (posts.getAndIncrement() == 0 && duringFirstPost != null) {
        duringFirstPost.run();
      }
      if (refuse != null && refuse == seq) {
        throw ApplicationFailure.newFailure("answered 500", "Refused");
      }
      delivered.add(seq);
      position = seq;
      return new LaneProgress(seq, next.size() > 1);
    }

    @Override
    public void skipNext(LaneStart lane) {
      List<Long> next = stored.stream().filter(s -> s > position).sorted().toList();
      if (!next.isEmpty()) {
        skipped.add(next.getFirst());
        position = next.getFirst();
      }
    }
  }
}
