package dev.sessionflow.worker.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc.OperatorServiceBlockingStub;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers missing Keyword search attributes, then waits until the server accepts them in a query.
 * Safe when several replicas start at once: a replica that loses the race (the server answers that
 * the attributes exist, or its metadata changed under it) lists again and goes on. A new attribute
 * is usable only some time after it is created (about 2 s: the frontend's namespace cache), so
 * "registered" is not "done" until a query naming every attribute is accepted.
 */
final class SearchAttributeRegistration {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

  /**
   * Answers that may go away on their own: a concurrent registration, a busy or starting server.
   */
  private static final Set<Status.Code> PASSING =
      Set.of(
          Status.Code.ALREADY_EXISTS,
          Status.Code.FAILED_PRECONDITION,
          Status.Code.ABORTED,
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED);

  private final OperatorServiceBlockingStub operator;
  private final WorkflowServiceBlockingStub workflows;
  private final String namespace;
  private final Duration timeout;
  private final Duration firstPause;

  SearchAttributeRegistration(
      OperatorServiceBlockingStub operator,
      WorkflowServiceBlockingStub workflows,
      String namespace,
      Duration timeout,
      Duration firstPause) {
    this.operator = operator;
    this.workflows = workflows;
    this.namespace = namespace;
    this.timeout = timeout;
    this.firstPause = firstPause;
  }

  /**
   * Returns once every attribute is registered and usable; throws the server's answer when it is
   * not one that passes, or when {@code timeout} runs out.
   */
  void ensure(Collection<String> names) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration pause = firstPause;
    while (true) {
      try {
        Map<String, IndexedValueType> missing = missing(names);
        if (missing.isEmpty() && usable(names)) {
          return;
        }
        if (!missing.isEmpty()) {
          add(missing);
        }
      } catch (StatusRuntimeException e) {
        if (!PASSING.contains(e.getStatus().getCode()) || System.nanoTime() > deadline) {
          throw e;
        }
        log.info("search attributes not settled yet ({}); trying again", e.getStatus());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the search attributes " + names + " were not usable after " + timeout);
      }
      sleep(pause);
      pause =
          pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0
              ? LONGEST_PAUSE
              : pause.multipliedBy(2);
    }
  }

  private Map<String, IndexedValueType> missing(Collection<String> names) {
    Map<String, IndexedValueType> existing =
        operator
            .listSearchAttributes(
                ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
            .getCustomAttributesMap();
    Map<String, IndexedValueType> missing = new LinkedHashMap<>();
    names.stream()
        .filter(name -> !existing.containsKey(name))
        .forEach(name -> missing.put(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    return missing;
  }

  private void add(Map<String, IndexedValueType> missing) {
    operator.addSearchAttributes(
        AddSearchAttributesRequest.newBuilder()
            .setNamespace(namespace)
            .putAllSearchAttributes(missing)
            .build());
    log.info("Registered search attributes {} in namespace {}", missing.keySet(), namespace);
  }

  /** Whether the server takes a query naming every attribute (not yet, just after creation). */
  private boolean usable(Collection<String> names) {
    String query =
        names.stream().map(name -> name + " = 'probe'").collect(Collectors.joining(" AND "));
    try {
      workflows.countWorkflowExecutions(
          CountWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setQuery(query)
              .build());
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
        log.info(
            "search attributes registered, not usable yet: {}", e.getStatus().getDescription());
        return false;
      }
      throw e;
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering search attributes", e);
    }
  }
}
