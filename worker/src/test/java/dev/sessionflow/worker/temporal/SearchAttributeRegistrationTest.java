package dev.sessionflow.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.AddSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas starting at once against a server that behaves as Temporal's does: the first
 * registration wins, the next is told the attributes exist, and a new attribute is refused in
 * queries for a while after its creation.
 */
class SearchAttributeRegistrationTest {
  private static final List<String> NAMES = List.of("SessionStatus", "TicketId");
  private static final Duration USABLE_AFTER = Duration.ofMillis(800);

  private final FakeTemporal temporal = new FakeTemporal();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .addService(temporal.operator)
            .addService(temporal.workflows)
            .executor(Executors.newCachedThreadPool())
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private SearchAttributeRegistration replica(Duration timeout) {
    return new SearchAttributeRegistration(
        OperatorServiceGrpc.newBlockingStub(channel),
        WorkflowServiceGrpc.newBlockingStub(channel),
        "default",
        timeout,
        Duration.ofMillis(50));
  }

  @Test
  void twoReplicasStartingAtOnceBothStartAndOnlyOnceTheAttributesAreUsable() throws Exception {
    temporal.listersToWaitFor = new CountDownLatch(2); // both see the attributes missing
    ExecutorService replicas = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> started =
          replicas.invokeAll(
              List.of(
                  () -> ensureAndTime(replica(Duration.ofSeconds(20))),
                  () -> ensureAndTime(replica(Duration.ofSeconds(20)))));
      for (Future<Long> replica : started) {
        long returnedAt = replica.get(30, TimeUnit.SECONDS);
        assertThat(returnedAt).isGreaterThanOrEqualTo(temporal.usableFrom());
      }
    } finally {
      replicas.shutdownNow();
    }
    assertThat(temporal.adds.get()).isEqualTo(2);
    assertThat(temporal.alreadyExists.get()).isEqualTo(1);
    assertThat(temporal.refusedQueries.get()).isPositive();
    assertThat(temporal.registered.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
  }

  @Test
  void aReplicaThatFindsThemRegisteredWaitsUntilTheyAreUsable() {
    temporal.define(NAMES);
    long returnedAt = ensureAndTime(replica(Duration.ofSeconds(20)));
    assertThat(returnedAt).isGreaterThanOrEqualTo(temporal.usableFrom());
    assertThat(temporal.adds.get()).isZero();
  }

  @Test
  void aRefusalThatDoesNotPassFailsAtOnce() {
    temporal.addFailure = Status.PERMISSION_DENIED.withDescription("no operator role");
    assertThatThrownBy(() -> replica(Duration.ofSeconds(20)).ensure(NAMES))
        .isInstanceOf(StatusRuntimeException.class)
        .hasMessageContaining("PERMISSION_DENIED");
    assertThat(temporal.adds.get()).isEqualTo(1);
  }

  @Test
  void attributesThatNeverBecomeUsableFailAfterTheTimeout() {
    temporal.neverUsable = true;
    assertThatThrownBy(() -> replica(Duration.ofMillis(500)).ensure(NAMES))
        .hasMessageContaining("not usable after");
  }

  private static long ensureAndTime(SearchAttributeRegistration replica) {
    replica.ensure(NAMES);
    return System.nanoTime();
  }

  /** The operator and workflow services of a Temporal server, as far as registration goes. */
  private static final class FakeTemporal {
    final Map<String, Long> registered = new ConcurrentHashMap<>();
    final AtomicInteger adds = new AtomicInteger();
    final AtomicInteger alreadyExists = new AtomicInteger();
    final AtomicInteger refusedQueries = new AtomicInteger();
    volatile CountDownLatch listersToWaitFor = new CountDownLatch(0);
    volatile Status addFailure;
    volatile boolean neverUsable;

    synchronized void define(List<String> names) {
      names.forEach(n -> registered.put(n, System.nanoTime()));
    }

    long usableFrom() {
      return registered.values().stream().mapToLong(Long::longValue).max().orElseThrow()
          + USABLE_AFTER.toNanos();
    }

    final OperatorServiceGrpc.OperatorServiceImplBase operator =
        new OperatorServiceGrpc.OperatorServiceImplBase() {
          @Override
          public void listSearchAttributes(
              ListSearchAttributesRequest request,
              StreamObserver<ListSearchAttributesResponse> response) {
            // What this lister sees is fixed when it asks, as a server's answer is: a replica
            // released later must not see what the other one added meanwhile.
            List<String> seen = List.copyOf(registered.keySet());
            CountDownLatch latch = listersToWaitFor;
            latch.countDown();
            try {
              latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            ListSearchAttributesResponse.Builder answer = ListSearchAttributesResponse.newBuilder();
            seen.forEach(
                n -> answer.putCustomAttributes(n, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
            response.onNext(answer.build());
            response.onCompleted();
          }

          @Override
          public void addSearchAttributes(
              AddSearchAttributesRequest request,
              StreamObserver<AddSearchAttributesResponse> response) {
            adds.incrementAndGet();
            if (addFailure != null) {
              response.onError(addFailure.asRuntimeException());
              return;
            }
            synchronized (FakeTemporal.this) {
              for (String name : request.getSearchAttributesMap().keySet()) {
                if (registered.containsKey(name)) {
                  alreadyExists.incrementAndGet();
                  response.onError(
                      Status.ALREADY_EXISTS
                          .withDescription("Search attribute " + name + " already exists.")
                          .asRuntimeException());
                  return;
                }
              }
              define(List.copyOf(request.getSearchAttributesMap().keySet()));
            }
            response.onNext(AddSearchAttributesResponse.getDefaultInstance());
            response.onCompleted();
          }
        };

    final WorkflowServiceGrpc.WorkflowServiceImplBase workflows =
        new WorkflowServiceGrpc.WorkflowServiceImplBase() {
          @Override
          public void countWorkflowExecutions(
              CountWorkflowExecutionsRequest request,
              StreamObserver<CountWorkflowExecutionsResponse> response) {
            boolean known =
                !neverUsable
                    && NAMES.stream()
                        .allMatch(
                            n ->
                                request.getQuery().contains(n)
                                    && registered.containsKey(n)
                                    && System.nanoTime()
                                        >= registered.get(n) + USABLE_AFTER.toNanos());
            if (!known) {
              refusedQueries.incrementAndGet();
              response.onError(
                  Status.INVALID_ARGUMENT
                      .withDescription("invalid query: SessionStatus is not a search attribute")
                      .asRuntimeException());
              return;
            }
            response.onNext(CountWorkflowExecutionsResponse.getDefaultInstance());
            response.onCompleted();
          }
        };
  }
}
