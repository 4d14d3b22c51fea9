package dev.sessionflow.workflows.session;

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
 * end-after-seen}, {@code bounded-store-retry} and {@code survey-id-receipt}, and of paths that
 * shipped before them (reopen window, settings change, webhook children, triggers). Each runs only
 * if its file is missing.
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
              carried);
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
