package dev.sessionflow.workflows.session;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.StatsReporter;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

/** A time-skipping test server with the session's search attributes and a worker on its queue. */
final class SessionTestEnvironment {

  private SessionTestEnvironment() {}

  /** Starts session {@code id} (conversation conv-id, ticket T-id) and answers its stub. */
  static MessagingSession open(
      WorkflowClient client, String id, SessionTimers timers, SessionPolicy policy) {
    SessionStart start =
        new SessionStart(id, "conv-" + id, "T-" + id, "u-1", "Ana", timers, policy, null, 0);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    return session;
  }

  static SessionOutcome outcome(MessagingSession session) {
    return WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
  }

  /** The activity types session {@code id} scheduled, in order (local activities not included). */
  static java.util.List<String> scheduledActivities(WorkflowClient client, String id) {
    return client.fetchHistory(MessagingSession.workflowId(id)).getEvents().stream()
        .filter(io.temporal.api.history.v1.HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
        .toList();
  }

  static TestWorkflowEnvironment start(Object... activities) {
    TestWorkflowEnvironment env = prepare(activities);
    env.start();
    return env;
  }

  /** With the test server's clock starting at {@code initialTime}. */
  static TestWorkflowEnvironment startAt(java.time.Instant initialTime, Object... activities) {
    TestWorkflowEnvironment env =
        prepare(TestEnvironmentOptions.newBuilder().setInitialTime(initialTime), activities);
    env.start();
    return env;
  }

  /** With the workflows' metrics reported to {@code metrics}. */
  static TestWorkflowEnvironment start(StatsReporter metrics, Object... activities) {
    Scope scope =
        new RootScopeBuilder()
            .reporter(metrics)
            .reportEvery(com.uber.m3.util.Duration.ofMillis(10));
    TestWorkflowEnvironment env =
        prepare(TestEnvironmentOptions.newBuilder().setMetricsScope(scope), activities);
    env.start();
    return env;
  }

  /**
   * With {@code interceptor} on the worker; with {@code cacheOff}, no workflow cache: every
   * workflow task replays the whole history, so a branch that is not deterministic fails at once.
   */
  static TestWorkflowEnvironment startIntercepted(
      io.temporal.common.interceptors.WorkerInterceptor interceptor,
      boolean cacheOff,
      Object... activities) {
    io.temporal.worker.WorkerFactoryOptions.Builder factory =
        io.temporal.worker.WorkerFactoryOptions.newBuilder().setWorkerInterceptors(interceptor);
    if (cacheOff) {
      factory.setWorkflowCacheSize(0);
    }
    TestWorkflowEnvironment env =
        prepare(
            TestEnvironmentOptions.newBuilder().setWorkerFactoryOptions(factory.build()),
            activities);
    env.start();
    return env;
  }

  /** With every payload encrypted, as the service runs. */
  static TestWorkflowEnvironment startEncrypted(
      io.temporal.common.converter.DataConverter converter, Object... activities) {
    TestWorkflowEnvironment env =
        prepare(
            TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(
                    io.temporal.client.WorkflowClientOptions.newBuilder()
                        .setDataConverter(converter)
                        .build()),
            activities);
    env.start();
    return env;
  }

  /** The environment with its worker registered but not polling yet: requests queue up. */
  static TestWorkflowEnvironment prepare(Object... activities) {
    return prepare(TestEnvironmentOptions.newBuilder(), activities);
  }

  private static TestWorkflowEnvironment prepare(
      TestEnvironmentOptions.Builder options, Object... activities) {
    SessionSearchAttributes.ALL.forEach(
        key ->
            options.registerSearchAttribute(
                key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options.build());
    Worker worker = env.newWorker(MessagingSession.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(
        MessagingSessionImpl.class,
        dev.sessionflow.workflows.webhooks.WebhookDeliveryImpl.class,
        dev.sessionflow.workflows.automation.TicketAutomationImpl.class);
    worker.registerActivitiesImplementations(activities);
    if (java.util.Arrays.stream(activities).noneMatch(a -> a instanceof SettingsActivities)) {
      // A store whose settings are the ones the session started with: nothing newer to read.
      worker.registerActivitiesImplementations(
          new SettingsActivities() {
            @Override
            public SessionSettings currentSettings() {
              return null;
            }
          });
    }
    // Webhook POSTs and automation steps run on their own queues (and slots), as in the service.
    env.newWorker(dev.sessionflow.workflows.webhooks.WebhookDelivery.ACTIVITY_TASK_QUEUE)
        .registerActivitiesImplementations(activities);
    env.newWorker(dev.sessionflow.workflows.automation.TicketAutomation.ACTIVITY_TASK_QUEUE)
        .registerActivitiesImplementations(activities);
    return env;
  }
}
