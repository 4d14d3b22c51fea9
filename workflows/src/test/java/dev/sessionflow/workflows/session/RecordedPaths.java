package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import dev.sessionflow.workflows.webhooks.WebhookDelivery;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import dev.sessionflow.workflows.webhooks.WebhookSubscription;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scripts that record the histories of the version markers {@code carried-end}, {@code
 * end-after-seen}, {@code bounded-store-retry}, {@code survey-id-receipt}, {@code
 * assignee-stored-with-message}, {@code automated-end-in-one-task}, {@code
 * requested-end-in-one-task} and {@code invite-and-settle}, and of paths that shipped before them
 * (reopen window, settings change, webhook children, triggers). Each runs only if its file is
 * missing.
 */
final class RecordedPaths {
  private static final SessionTimers NO_AUTO_CLOSE =
      new SessionTimers(Duration.ofMinutes(10), null, null, "", "Ended.");

  private RecordedPaths() {}

  static void record(
      TestWorkflowEnvironment env,
      WorkflowClient client,
      Path dir,
      RecordingActivities activities,
      RecordingActivities.Webhooks webhooks)
      throws IOException {
    if (missing(dir, "continue-as-new")) {
      MessagingSession session = open(client, "continue-as-new", NO_AUTO_CLOSE, policy());
      session.message(ChatMessage.fromAgent("first", "agent-1").withSequence(1));
      String firstRun = WorkflowStub.fromTyped(session).getExecution().getRunId();
      for (int i = 1; i <= MessagingSessionImpl.MESSAGES_PER_RUN + 5; i++) {
        session.message(ChatMessage.fromEndUser("m" + i).withSequence(1 + i));
      }
      env.sleep(Duration.ofSeconds(1));
      MessagingSession latest = latest(client, "continue-as-new");
      latest.state(); // the next run answers: the first has continued as new
      latest.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      WorkflowStub.fromTyped(latest).getResult(SessionOutcome.class);
      String id = MessagingSession.workflowId("continue-as-new");
      Files.writeString(
          dir.resolve("continue-as-new.json"), client.fetchHistory(id, firstRun).toJson(true));
      Files.writeString(
          dir.resolve("continue-as-new-carried.json"), client.fetchHistory(id).toJson(true));
    }
    if (missing(dir, "carried-end-close")) {
      SessionState carried = SessionState.openedAt(env.currentTimeMillis());
      carried.messageCount = 2;
      carried.assignedAgentId = "agent-1";
      carried.status = SessionStatus.ENDED;
      carried.end =
          new SessionEnd(
              EndedBy.AGENT,
              "agent-1",
              "RESOLVED",
              Instant.ofEpochMilli(env.currentTimeMillis()),
              true);
      SessionStart start =
          new SessionStart(
              "carried-end-close",
              "conv-carried-end-close",
              "T-carried-end-close",
              "u-1",
              "Ana",
              MessagingSessionTest.TIMERS,
              policy(),
              carried,
              0);
      MessagingSession session =
          client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
      WorkflowClient.start(session::run, start);
      save(client, dir, "carried-end-close", session);
    }
    if (missing(dir, "end-after-seen")) {
      MessagingSession session =
          open(client, "end-after-seen", MessagingSessionTest.TIMERS, policy());
      session.message(ChatMessage.fromEndUser("m1").withSequence(41));
      var end =
          WorkflowStub.fromTyped(session)
              .startUpdate(
                  "end",
                  WorkflowUpdateStage.ACCEPTED,
                  EndResult.class,
                  new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(42L));
      session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(42));
      end.getResult();
      save(client, dir, "end-after-seen", session);
    }
    if (missing(dir, "store-outage")) {
      activities.closeFailuresLeft = 3;
      MessagingSession session =
          open(client, "store-outage", MessagingSessionTest.TIMERS, policy());
      session.message(ChatMessage.fromAgent("m1", "agent-1"));
      save(client, dir, "store-outage", session);
      activities.closeFailuresLeft = 0;
    }
    if (missing(dir, "store-stalled")) {
      activities.closeFailuresLeft = 1_000;
      MessagingSession session =
          open(client, "store-stalled", MessagingSessionTest.TIMERS, policy());
      session.message(ChatMessage.fromAgent("m1", "agent-1"));
      env.sleep(Duration.ofMinutes(32));
      activities.closeFailuresLeft = 0;
      session.retryStore();
      save(client, dir, "store-stalled", session);
    }
    if (missing(dir, "reopen-window")) {
      SessionPolicy reopenable = policy().withReopenWithin(Duration.ofMinutes(5));
      MessagingSession session =
          open(client, "reopen-window", MessagingSessionTest.TIMERS, reopenable);
      session.message(ChatMessage.fromEndUser("m1"));
      session.message(ChatMessage.fromAgent("m2", "agent-1"));
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      env.sleep(Duration.ofMinutes(1));
      session.message(ChatMessage.reopeningFromEndUser("m3"));
      env.sleep(Duration.ofSeconds(5));
      session.end(new EndRequest(EndedBy.END_USER, null, "LEFT", null));
      save(client, dir, "reopen-window", session);
    }
    if (missing(dir, "settings-changed")) {
      MessagingSession session =
          open(client, "settings-changed", MessagingSessionTest.TIMERS, policy());
      session.message(ChatMessage.fromAgent("m1", "agent-1"));
      env.sleep(Duration.ofMinutes(1));
      SessionTimers sooner =
          new SessionTimers(
              Duration.ofMinutes(5), Duration.ofMinutes(10), null, "", "This session has ended.");
      session.settingsChanged(new SessionSettings(sooner, policy()));
      save(client, dir, "settings-changed", session);
    }
    if (missing(dir, "webhook-children")) {
      SessionPolicy hooked =
          new SessionPolicy(
              Set.of(EndedBy.AGENT, EndedBy.ADMIN),
              Duration.ofDays(14),
              "SOLVED",
              false,
              0,
              null,
              5,
              Map.of(),
              List.of(
                  new WebhookSubscription(
                      "hook-1", Set.of(WebhookEvent.SESSION_ENDED, WebhookEvent.CSAT_SENT))),
              null);
      MessagingSession session =
          open(client, "webhook-children", MessagingSessionTest.TIMERS, hooked);
      session.message(ChatMessage.fromEndUser("m1"));
      session.message(ChatMessage.fromAgent("m2", "agent-1"));
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      save(client, dir, "webhook-children", session);
      env.sleep(Duration.ofSeconds(5));
      String delivery =
          WebhookDelivery.workflowId(
              new dev.sessionflow.workflows.webhooks.WebhookCall(
                  "hook-1", webhooks.calls.getFirst().event()));
      client.newUntypedWorkflowStub(delivery).getResult(Void.class);
      Files.writeString(
          dir.resolve("webhook-delivery.json"), client.fetchHistory(delivery).toJson(true));
    }
    if (missing(dir, "survey-id-receipt")) {
      MessagingSession session =
          open(client, "survey-id-receipt", MessagingSessionTest.TIMERS, policy());
      session.message(ChatMessage.fromEndUser("m1").withSequence(1));
      session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
      env.sleep(Duration.ofSeconds(1));
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, true).after(2L));
      save(client, dir, "survey-id-receipt", session);
    }
    if (missing(dir, "triggers-under-current-end")) {
      activities.triggersActive = true;
      MessagingSession session =
          open(client, "triggers-under-current-end", MessagingSessionTest.TIMERS, policy());
      session.message(ChatMessage.fromEndUser("m1").withSequence(1));
      session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
      // The signals in a workflow task of their own: on the test server an Update that shares the
      // first task with signals runs before them live but after them in replay.
      env.sleep(Duration.ofSeconds(1));
      session.end(
          new EndRequest(EndedBy.AGENT, "agent-1", null, null)
              .after(2L)
              .withRequestId("end-key-1"));
      save(client, dir, "triggers-under-current-end", session);
      activities.triggersActive = false;
    }
    if (missing(dir, "assignee-stored-with-message")) {
      recordLifecycle(env, client, dir, "assignee-stored-with-message");
    }
    if (missing(dir, "automated-end-in-one-task")) {
      MessagingSession session =
          open(client, "automated-end-in-one-task", MessagingSessionTest.TIMERS, policy());
      session.message(ChatMessage.fromEndUser("m1").withSequence(1));
      session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
      env.sleep(Duration.ofSeconds(1));
      session.end(
          new EndRequest(
              EndedBy.SYSTEM,
              null,
              "ESCALATED",
              false,
              new dev.sessionflow.workflows.model.AutomationSource(
                  dev.sessionflow.workflows.model.AutomationSource.Kind.TRIGGER,
                  "3",
                  "End when escalated"),
              "run-1/trigger-3/0"));
      save(client, dir, "automated-end-in-one-task", session);
    }
    if (missing(dir, "requested-end-in-one-task")) {
      // The same lifecycle, after the agent's end closes in the task that accepts it.
      recordLifecycle(env, client, dir, "requested-end-in-one-task");
    }
    if (missing(dir, "invite-and-settle")) {
      // And after the survey and the settlement became one activity.
      recordLifecycle(env, client, dir, "invite-and-settle");
    }
  }

  /**
   * The benchmark's lifecycle as the API sends it: 10 stored messages, the end user first and then
   * both sides in turn, the agent's end with a survey, the settlement.
   */
  private static void recordLifecycle(
      TestWorkflowEnvironment env, WorkflowClient client, Path dir, String name)
      throws IOException {
    MessagingSession session = open(client, name, MessagingSessionTest.TIMERS, policy());
    sendLifecycleMessages(session, () -> Instant.ofEpochMilli(env.currentTimeMillis()));
    env.sleep(Duration.ofSeconds(1));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(10L));
    save(client, dir, name, session);
  }

  /**
   * The benchmark lifecycle's 10 messages, each stored at {@code now}: the end user first, then
   * both sides in turn.
   */
  static void sendLifecycleMessages(
      MessagingSession session, java.util.function.Supplier<Instant> now) {
    for (int k = 0; k < 10; k++) {
      session.message(
          (k % 2 == 1
                  ? ChatMessage.fromAgent("a-" + k, "agent-1")
                  : ChatMessage.fromEndUser("m-" + k))
              .stored(k + 1, now.get()));
    }
  }

  /**
   * Paths that shipped unguarded (74c476c): a reply that moves a deadline before the armed timer
   * wakes the loop to re-arm it; a reopen before the survey or the settlement skips them.
   */
  static void recordEarlierDeadlineAndReopenSkips(
      TestWorkflowEnvironment env, WorkflowClient client, Path dir, RecordingActivities activities)
      throws IOException {
    if (missing(dir, "earlier-deadline")) {
      SessionTimers longInactivity =
          new SessionTimers(Duration.ofHours(1), Duration.ofMinutes(15), null, "", "Ended.");
      MessagingSession session = open(client, "earlier-deadline", longInactivity, policy());
      session.message(ChatMessage.fromAgent("m1", "agent-1"));
      session.message(ChatMessage.fromEndUser("m2"));
      env.sleep(Duration.ofMinutes(16));
      // The assigned agent replies: no read-model change, but the auto-close (15 min from now)
      // falls before the armed inactivity check (1 h from m2), so the timer is re-armed.
      session.message(ChatMessage.fromAgent("m3", "agent-1"));
      save(client, dir, "earlier-deadline", session);
    }
    if (missing(dir, "reopen-before-survey")) {
      String id = "reopen-before-survey";
      SessionPolicy surveyOnAutoClose =
          new SessionPolicy(
              Set.of(EndedBy.AGENT, EndedBy.SYSTEM),
              Duration.ofDays(14),
              "SOLVED",
              false,
              0,
              null,
              5,
              Map.of(),
              List.of(new WebhookSubscription("hook-2", Set.of(WebhookEvent.SESSION_ENDED))),
              Duration.ofMinutes(5));
      MessagingSession session = open(client, id, MessagingSessionTest.TIMERS, surveyOnAutoClose);
      session.message(ChatMessage.fromEndUser("m1"));
      session.message(ChatMessage.fromAgent("m2", "agent-1"));
      // The auto-close closes through a local activity, inside the workflow task: the reopening
      // message sent meanwhile is delivered after the close, while the session starts its
      // SESSION_ENDED webhook, so before the survey and the settlement, which it makes moot.
      activities.whileClosing =
          closing -> {
            if (closing.sessionId().equals(id)) {
              activities.whileClosing = c -> {};
              session.message(ChatMessage.reopeningFromEndUser("m3"));
              pause();
            }
          };
      env.sleep(Duration.ofMinutes(31));
      activities.whileClosing = c -> {};
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      save(client, dir, id, session);
    }
    if (missing(dir, "reopen-before-settlement")) {
      String id = "reopen-before-settlement";
      MessagingSession session =
          open(
              client,
              id,
              MessagingSessionTest.TIMERS,
              policy().withReopenWithin(Duration.ofMinutes(5)));
      session.message(ChatMessage.fromEndUser("m1"));
      session.message(ChatMessage.fromAgent("m2", "agent-1"));
      // The reopening message arrives while the survey is on its way: no settlement this round.
      activities.whileSurveying =
          survey -> {
            if (survey.sessionId().equals(id)) {
              activities.whileSurveying = s -> {};
              session.message(ChatMessage.reopeningFromEndUser("m3"));
              pause();
            }
          };
      session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      for (int i = 0; i < 20 && session.state().end() != null; i++) {
        env.sleep(Duration.ofSeconds(1));
      }
      activities.whileSurveying = s -> {};
      session.end(new EndRequest(EndedBy.END_USER, null, "LEFT", null));
      save(client, dir, id, session);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * {@code versioned-settings} 1: a newer broadcast applies, a late stale one does not, and a
   * message naming a newer version than the session holds fetches the current settings.
   */
  static void recordVersionedSettings(
      TestWorkflowEnvironment env,
      WorkflowClient client,
      Path dir,
      VersionedSettingsTest.StoredSettings settings)
      throws IOException {
    if (!missing(dir, "settings-versioned")) {
      return;
    }
    SessionStart start =
        new SessionStart(
            "settings-versioned",
            "conv-settings-versioned",
            "T-settings-versioned",
            "u-1",
            "Ana",
            MessagingSessionTest.TIMERS,
            policy(),
            null,
            1);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    session.message(ChatMessage.fromEndUser("m1").withSettingsVersion(1));
    env.sleep(Duration.ofSeconds(1));
    session.settingsChanged(new SessionSettings(VersionedSettingsTest.SIXTY_MINUTES, policy(), 3));
    session.settingsChanged(new SessionSettings(VersionedSettingsTest.FIVE_MINUTES, policy(), 2));
    env.sleep(Duration.ofSeconds(1));
    settings.current = new SessionSettings(VersionedSettingsTest.FIVE_MINUTES, policy(), 4);
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSettingsVersion(4));
    save(client, dir, "settings-versioned", session);
  }

  /**
   * {@code webhook-own-queue} and {@code automation-own-queue} 1: a delivery and a macro whose
   * activities run on their own task queues.
   */
  static void recordOwnQueues(WorkflowClient client, Path dir) throws IOException {
    if (missing(dir, "webhook-delivery-own-queue")) {
      var call =
          new dev.sessionflow.workflows.webhooks.WebhookCall(
              "hook-2",
              new WebhookEvent(
                  "session.ended:own-queue",
                  WebhookEvent.SESSION_ENDED,
                  "2026-12-01T00:00:00Z",
                  Map.of("sessionId", "own-queue")));
      WebhookDelivery delivery =
          client.newWorkflowStub(
              WebhookDelivery.class,
              io.temporal.client.WorkflowOptions.newBuilder()
                  .setWorkflowId(WebhookDelivery.workflowId(call))
                  .setTaskQueue(MessagingSession.TASK_QUEUE)
                  .build());
      delivery.deliver(call);
      Files.writeString(
          dir.resolve("webhook-delivery-own-queue.json"),
          client.fetchHistory(WebhookDelivery.workflowId(call)).toJson(true));
    }
    if (missing(dir, "ticket-automation-own-queue")) {
      String runId = "ticket-automation-own-queue";
      var run =
          client.newWorkflowStub(
              dev.sessionflow.workflows.automation.TicketAutomation.class,
              io.temporal.client.WorkflowOptions.newBuilder()
                  .setWorkflowId(
                      dev.sessionflow.workflows.automation.TicketAutomation.workflowId(runId))
                  .setTaskQueue(dev.sessionflow.workflows.automation.TicketAutomation.TASK_QUEUE)
                  .build());
      run.run(
          new dev.sessionflow.workflows.automation.AutomationRequest(
              runId,
              "T-ticket-automation",
              new dev.sessionflow.workflows.automation.Actor(EndedBy.AGENT, "agent-1"),
              new dev.sessionflow.workflows.model.AutomationSource(
                  dev.sessionflow.workflows.model.AutomationSource.Kind.MACRO, "7", "Escalate"),
              List.of(
                  dev.sessionflow.workflows.automation.TicketAction.of(
                      dev.sessionflow.workflows.automation.ActionType.ADD_INTERNAL_NOTE, "noted")),
              Map.of()));
      Files.writeString(
          dir.resolve("ticket-automation-own-queue.json"),
          client
              .fetchHistory(dev.sessionflow.workflows.automation.TicketAutomation.workflowId(runId))
              .toJson(true));
    }
  }

  private static SessionPolicy policy() {
    return SessionPolicy.defaults();
  }

  private static boolean missing(Path dir, String name) {
    return !Files.exists(dir.resolve(name + ".json"));
  }

  private static MessagingSession open(
      WorkflowClient client, String id, SessionTimers timers, SessionPolicy policy) {
    return SessionTestEnvironment.open(client, id, timers, policy);
  }

  private static MessagingSession latest(WorkflowClient client, String id) {
    return client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId(id));
  }

  private static void save(WorkflowClient client, Path dir, String name, MessagingSession session)
      throws IOException {
    WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    String json = client.fetchHistory(MessagingSession.workflowId(name)).toJson(true);
    Files.writeString(dir.resolve(name + ".json"), json);
  }
}
