package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.Actor;
import dev.sessionflow.workflows.automation.AutomationRequest;
import dev.sessionflow.workflows.automation.Condition;
import dev.sessionflow.workflows.automation.InMemoryTicket;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TicketAutomation;
import dev.sessionflow.workflows.automation.TicketAutomationImpl;
import dev.sessionflow.workflows.automation.Trigger;
import dev.sessionflow.workflows.automation.TriggerConditions;
import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories of each kind of session against the current implementation: a change
 * to the workflow's commands that is not guarded by {@code Workflow.getVersion} fails here.
 *
 * <p>Histories live in {@code src/test/resources/histories}. A guarded change adds histories of its
 * new paths: run with {@code -Dsessionflow.recordHistories}, which records those not on disk yet
 * (older ones stay as they were recorded: they stand for sessions of older code).
 */
class SessionHistoryReplayTest {
  static final List<String> HISTORIES =
      List.of(
          "agent-end",
          "end-user-end",
          "auto-close",
          "inactive-then-active",
          "macro-escalation",
          "triggers-after-settle",
          "agent-end-v2",
          "macro-escalation-v2",
          "auto-close-local-warning",
          // carried-end 1
          "continue-as-new",
          "continue-as-new-carried",
          "carried-end-close",
          // end-after-seen 1
          "end-after-seen",
          // bounded-store-retry 1
          "store-outage",
          "store-stalled",
          // versioned-settings 1
          "settings-versioned",
          // survey-id-receipt 1
          "survey-id-receipt",
          // paths shipped before these markers, recorded now
          "reopen-window",
          "settings-changed",
          "webhook-children",
          "triggers-under-current-end",
          // shipped unguarded in 74c476c: the earlier-deadline wake-up, reopen skips
          "earlier-deadline",
          "reopen-before-survey",
          "reopen-before-settlement",
          // recorded on a real dev server (RealServerHistoriesTest), not the test server
          "real-agent-end-survey",
          "real-auto-close",
          "real-continue-as-new",
          "real-continue-as-new-carried",
          "real-end-in-first-task",
          // end-before-run 1, on a real server only: live, the test server runs an Update that
          // shares the first task with signals before them, but after them on replay
          "real-end-before-run",
          // system-end-in-one-task 1, stored-message-time 1
          "auto-close-in-one-task",
          // assignee-stored-with-message 1
          "assignee-stored-with-message",
          // automated-end-in-one-task 1
          "automated-end-in-one-task",
          // requested-end-in-one-task 1, on the test server and on a real one
          "requested-end-in-one-task",
          "real-requested-end-in-one-task",
          // invite-and-settle 1, on the test server and on a real one
          "invite-and-settle",
          "real-invite-and-settle",
          // store-decides-end 1
          StoreDecidesEndHistories.AUTO_CLOSE,
          StoreDecidesEndHistories.REQUESTED,
          // seen-per-session 1
          StoreDecidesEndHistories.SEEN_PER_SESSION,
          // newest-author 1
          StoreDecidesEndHistories.NEWEST_AUTHOR,
          // pulled-settings 1
          PulledSettingsHistories.NAME,
          // recorded later, with the marker held before its change (BeforeHistories)
          "before-ticket-automation",
          "before-carried-end",
          "before-end-after-seen",
          "before-bounded-store-retry",
          "before-versioned-settings",
          "before-stored-message-time",
          "before-seen-per-session",
          // poison-waits 1 (its "before" history: the refused settlement fails the session)
          "before-poison-waits",
          // refused-write-waits 1 (before: the refused close is tried again a second later)
          PoisonWaitsHistory.REFUSED_WRITE,
          "before-refused-write-waits",
          // inactive-checks-settings 1 (before: INACTIVE by the clock under the held settings)
          PulledSettingsHistories.INACTIVE,
          "before-inactive-checks-settings",
          PoisonWaitsHistory.NAME,
          // shipped unguarded: business hours and channels; old histories have neither
          PolicyDepthHistories.BUSINESS_HOURS,
          PolicyDepthHistories.CHANNEL_SETTINGS);

  /** Runs of {@link TicketAutomation}: a macro whose group change sets off a trigger. */
  static final List<String> AUTOMATION_HISTORIES =
      List.of("ticket-automation", "ticket-automation-own-queue");

  /** Runs of {@link dev.sessionflow.workflows.webhooks.WebhookDelivery}. */
  static final List<String> WEBHOOK_HISTORIES =
      List.of("webhook-delivery", "webhook-delivery-own-queue");

  /** Histories of the first version (before {@code durable-end}): running sessions of old code. */
  static final List<String> V0_HISTORIES =
      List.of("agent-end-v0", "end-user-end-v0", "auto-close-v0", "inactive-then-active-v0");

  /** The store sequences of the messages a history was signalled, in the order they came. */
  static List<Long> signalledSequences(String name) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Long> sequences = new java.util.ArrayList<>();
    for (var e : WorkflowExecutionHistory.fromJson(read(name)).getEvents()) {
      if (e.hasWorkflowExecutionSignaledEventAttributes()
          && e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("message")) {
        String payload =
            e.getWorkflowExecutionSignaledEventAttributes()
                .getInput()
                .getPayloads(0)
                .getData()
                .toStringUtf8();
        sequences.add(json.readTree(payload).path("sequence").asLong());
      }
    }
    return sequences;
  }

  /** The start input and every signal's input a history holds, as their JSON, in order. */
  static String inputs(String name) throws IOException {
    StringBuilder inputs = new StringBuilder();
    for (var e : WorkflowExecutionHistory.fromJson(read(name)).getEvents()) {
      var payloads =
          e.hasWorkflowExecutionStartedEventAttributes()
              ? e.getWorkflowExecutionStartedEventAttributes().getInput()
              : e.hasWorkflowExecutionSignaledEventAttributes()
                  ? e.getWorkflowExecutionSignaledEventAttributes().getInput()
                  : null;
      if (payloads != null) {
        payloads.getPayloadsList().forEach(p -> inputs.append(p.getData().toStringUtf8()));
      }
    }
    return inputs.toString();
  }

  /** The activity types a history ran, local activities included, in order. */
  static List<String> activityTypes(String name) throws IOException {
    return WorkflowExecutionHistory.fromJson(read(name)).getEvents().stream()
        .flatMap(
            e -> {
              if (e.hasActivityTaskScheduledEventAttributes()) {
                return java.util.stream.Stream.of(
                    e.getActivityTaskScheduledEventAttributes().getActivityType().getName());
              }
              if (e.hasMarkerRecordedEventAttributes()
                  && e.getMarkerRecordedEventAttributes().getDetailsMap().containsKey("type")) {
                String json =
                    e.getMarkerRecordedEventAttributes()
                        .getDetailsMap()
                        .get("type")
                        .getPayloads(0)
                        .getData()
                        .toStringUtf8();
                return java.util.stream.Stream.of(json.replace("\"", ""));
              }
              return java.util.stream.Stream.empty();
            })
        .toList();
  }

  static java.util.stream.Stream<String> recordedHistories() {
    return java.util.stream.Stream.concat(HISTORIES.stream(), V0_HISTORIES.stream());
  }

  @ParameterizedTest
  @MethodSource("recordedHistories")
  void replaysRecordedHistory(String name) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(name));
    WorkflowReplayer.replayWorkflowExecution(history, MessagingSessionImpl.class);
  }

  @ParameterizedTest
  @MethodSource("automationHistories")
  void replaysRecordedAutomationRun(String name) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(name));
    WorkflowReplayer.replayWorkflowExecution(history, TicketAutomationImpl.class);
  }

  @ParameterizedTest
  @MethodSource("webhookHistories")
  void replaysRecordedWebhookDelivery(String name) throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(read(name));
    WorkflowReplayer.replayWorkflowExecution(
        history, dev.sessionflow.workflows.webhooks.WebhookDeliveryImpl.class);
  }

  static java.util.stream.Stream<String> webhookHistories() {
    return WEBHOOK_HISTORIES.stream();
  }

  static java.util.stream.Stream<String> automationHistories() {
    return AUTOMATION_HISTORIES.stream();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(VersionMarkers.class)
  void everyVersionMarkerHasRecordedHistoriesOfBothBranches(VersionMarkers marker)
      throws IOException {
    String changeId =
        java.util.Base64.getEncoder()
            .encodeToString(("\"" + marker.changeId + "\"").getBytes(StandardCharsets.UTF_8))
            .replace("=", "\\u003d");
    List<String> recorded = recordedHistories().toList();
    assertThat(recorded).containsAll(marker.before).containsAll(marker.after);
    for (String name : marker.after) {
      assertThat(read(name)).as(name + " records " + marker.changeId).contains(changeId);
    }
    for (String name : marker.before) {
      assertThat(read(name)).as(name + " predates " + marker.changeId).doesNotContain(changeId);
    }
  }

  /**
   * The deliveries' and automation steps' own task queues ({@code webhook-own-queue}, {@code
   * automation-own-queue} 1): the histories before them schedule on the sessions' queue.
   */
  @Test
  void deliveriesAndAutomationStepsScheduleOnTheirOwnQueues() throws IOException {
    String marker = "EVENT_TYPE_MARKER_RECORDED";
    assertThat(read("webhook-delivery")).doesNotContain(marker).contains("messaging-sessions");
    assertThat(read("webhook-delivery-own-queue"))
        .contains(marker)
        .contains("\"" + dev.sessionflow.workflows.webhooks.WebhookDelivery.ACTIVITY_TASK_QUEUE);
    assertThat(read("ticket-automation")).doesNotContain(marker);
    assertThat(read("ticket-automation-own-queue"))
        .contains(marker)
        .contains("\"" + TicketAutomation.ACTIVITY_TASK_QUEUE);
  }

  @Test
  void recordsHistoriesWhenAsked() throws Exception {
    if (System.getProperty("sessionflow.recordHistories") == null) {
      assertThat(HISTORIES).allSatisfy(name -> assertThat(read(name)).contains("MessagingSession"));
      // The v0 histories predate the durable-end version marker; the current ones record it.
      assertThat(V0_HISTORIES)
          .allSatisfy(name -> assertThat(read(name)).doesNotContain("\"markerName\": \"Version\""));
      assertThat(read("agent-end")).contains("\"markerName\": \"Version\"");
      // The inputs a session counts open time and picks its channel's settings from.
      assertThat(inputs(PolicyDepthHistories.BUSINESS_HOURS)).contains("shifts", "Europe/Lisbon");
      assertThat(inputs(PolicyDepthHistories.CHANNEL_SETTINGS))
          .contains("\"channel\":\"whatsapp\"", "\"channels\":{\"whatsapp\"");
      // An automated end records the ticket-automation marker besides durable-end.
      assertThat(read("macro-escalation").split("\"markerName\": \"Version\"")).hasSize(3);
      assertThat(read("triggers-after-settle")).contains(TicketAutomation.WORKFLOW_TYPE);
      // durable-end 2 closes through an activity instead of the 1 ms timer of version 1.
      String timer = "EVENT_TYPE_TIMER_STARTED";
      assertThat(read("agent-end").split(timer)).hasSize(3); // inactivity check, accept the end
      assertThat(read("agent-end-v2").split(timer)).hasSize(2); // inactivity check only
      assertThat(read("agent-end-v2")).contains("CloseSession");
      // The warning moved from an activity task to a local-activity marker; the settlement stays.
      String scheduled = "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED";
      assertThat(read("auto-close").split(scheduled)).hasSize(3);
      assertThat(read("auto-close-local-warning").split(scheduled)).hasSize(2);
      // Paths of 74c476c: a reply moves the auto-close before the armed timer, which is re-armed;
      // a reopen before the survey (both skipped) or during it (the settlement skipped) settles
      // one round of two.
      assertThat(read("earlier-deadline")).contains("EVENT_TYPE_TIMER_CANCELED");
      String settle = "\"name\": \"Settle\"";
      String survey = "\"name\": \"SendSurvey\"";
      assertThat(read("reopen-before-survey").split(settle)).hasSize(2);
      assertThat(read("reopen-before-settlement").split(settle)).hasSize(2);
      assertThat(read("reopen-before-settlement").split(survey)).hasSize(2);
      // The settlement moved into the close's local activity: no activity task is left.
      assertThat(read("auto-close-in-one-task").split(scheduled)).hasSize(1);
      // A macro's end closed and settled through activities; a trigger's now in its Update's task.
      assertThat(read("macro-escalation-v2")).contains("\"CloseSession\"").contains("\"Settle\"");
      assertThat(read("automated-end-in-one-task").split(scheduled)).hasSize(1);
      // The agent's end closed through an activity; now in the task that accepts it.
      assertThat(read("assignee-stored-with-message")).contains("\"CloseSession\"");
      assertThat(read("requested-end-in-one-task"))
          .doesNotContain("\"CloseSession\"")
          .contains("\"InviteToSurvey\"")
          .contains("\"Settle\"");
      // The survey and the settlement: two activities, then one.
      assertThat(read("invite-and-settle"))
          .contains("\"InviteAndSettle\"")
          .doesNotContain("\"InviteToSurvey\"")
          .doesNotContain("\"Settle\"");
      // The assignee the store took with the agent's message costs no read-model write.
      assertThat(read("assignee-stored-with-message"))
          .doesNotContain("\"markerName\": \"LocalActivity\"");
      String changeId = "\"" + VersionMarkers.LOCAL_WARNING.changeId + "\"";
      assertThat(read("auto-close-local-warning"))
          .contains(java.util.Base64.getEncoder().encodeToString(changeId.getBytes()));
      // The survey went out as SendSurvey before survey-id-receipt, as InviteToSurvey after it.
      assertThat(read("agent-end-v2")).contains("\"SendSurvey\"").doesNotContain("InviteToSurvey");
      assertThat(read("survey-id-receipt"))
          .contains("\"InviteToSurvey\"")
          .doesNotContain("\"SendSurvey\"");
      // The "before" histories of store-decides-end reach its call sites: the close of an
      // auto-close, of an end in its accepting task, and of one through a regular activity.
      assertThat(activityTypes("auto-close-in-one-task")).contains("CloseAndSettle");
      assertThat(activityTypes("requested-end-in-one-task")).contains("CloseSession");
      assertThat(activityTypes("agent-end-v2")).contains("CloseSession");
      // After it, every close asks the store for its end; the refused auto-close asked twice.
      assertThat(activityTypes(StoreDecidesEndHistories.AUTO_CLOSE))
          .containsSubsequence("CloseAsDecided", "CloseAsDecided")
          .doesNotContain("CloseSession", "CloseAndSettle");
      assertThat(activityTypes(StoreDecidesEndHistories.REQUESTED))
          .contains("CloseAsDecided")
          .doesNotContain("CloseSession");
      // The "before" history of newest-author reaches its call site: a signal out of order.
      assertThat(signalledSequences(StoreDecidesEndHistories.SEEN_PER_SESSION))
          .containsExactly(5L, 7L, 6L);
      return;
    }
    RecordingActivities activities = new RecordingActivities();
    InMemoryTicket ticket = new InMemoryTicket("T-ticket-automation", "tier-1");
    ticket.triggers.add(
        new Trigger(
            "1",
            "End the chat when escalated",
            new TriggerConditions(
                List.of(
                    new Condition("group", Condition.Operator.CHANGED, null),
                    new Condition("group", Condition.Operator.IS_NOT, "tier-1")),
                null),
            List.of(TicketAction.endSession("ESCALATED", false))));
    RecordingActivities.Webhooks webhooks = new RecordingActivities.Webhooks();
    VersionedSettingsTest.StoredSettings settings = new VersionedSettingsTest.StoredSettings();
    try (TestWorkflowEnvironment env =
        SessionTestEnvironment.start(activities, ticket, webhooks, settings)) {
      WorkflowClient client = env.getWorkflowClient();
      Path dir = Path.of("src/test/resources/histories");
      Files.createDirectories(dir);
      recordSessions(env, client, dir, activities);
      RecordedPaths.record(env, client, dir, activities, webhooks);
      RecordedPaths.recordEarlierDeadlineAndReopenSkips(env, client, dir, activities);
      RecordedPaths.recordVersionedSettings(env, client, dir, settings);
      RecordedPaths.recordOwnQueues(client, dir);
      StoreDecidesEndHistories.record(env, client, dir, activities);
      StoreDecidesEndHistories.recordSeenPerSession(client, dir);
      StoreDecidesEndHistories.recordNewestAuthor(client, dir);
      PulledSettingsHistories.record(env, client, dir, activities, settings);
      PoisonWaitsHistory.record(env, client, dir, activities);
      PoisonWaitsHistory.recordRefusedWrite(env, client, dir, activities);
      PulledSettingsHistories.recordInactive(env, client, dir, settings);
      BeforeHistories.recordAll(dir);
      PolicyDepthHistories.record(env, client, dir);
      if (!Files.exists(dir.resolve("ticket-automation.json"))) {
        String runId = "ticket-automation";
        TicketAutomation run =
            client.newWorkflowStub(
                TicketAutomation.class,
                io.temporal.client.WorkflowOptions.newBuilder()
                    .setWorkflowId(TicketAutomation.workflowId(runId))
                    .setTaskQueue(TicketAutomation.TASK_QUEUE)
                    .build());
        run.run(
            new AutomationRequest(
                runId,
                "T-ticket-automation",
                new Actor(EndedBy.AGENT, "agent-1"),
                new AutomationSource(AutomationSource.Kind.MACRO, "7", "Escalate to Tier 2"),
                List.of(
                    TicketAction.of(ActionType.SET_GROUP, "tier-2"),
                    TicketAction.of(ActionType.ADD_INTERNAL_NOTE, "refund over the limit")),
                java.util.Map.of()));
        String json = client.fetchHistory(TicketAutomation.workflowId(runId)).toJson(true);
        Files.writeString(dir.resolve("ticket-automation.json"), json);
      }
    }
  }

  private static void recordSessions(
      TestWorkflowEnvironment env, WorkflowClient client, Path dir, RecordingActivities activities)
      throws IOException {
    if (!Files.exists(dir.resolve("auto-close-in-one-task.json"))) {
      // Messages that carry their stored time; the auto-close settles in its close.
      MessagingSession autoClose = open(client, "auto-close-in-one-task");
      java.time.Instant storedAt = java.time.Instant.ofEpochMilli(env.currentTimeMillis());
      autoClose.message(ChatMessage.fromEndUser("m1").stored(1, storedAt));
      autoClose.message(ChatMessage.fromAgent("m2", "agent-2").stored(2, storedAt));
      save(client, dir, "auto-close-in-one-task", autoClose);
    }
    if (!Files.exists(dir.resolve("auto-close-local-warning.json"))) {
      MessagingSession autoClose = open(client, "auto-close-local-warning");
      autoClose.message(ChatMessage.fromEndUser("m1"));
      autoClose.message(ChatMessage.fromAgent("m2", "agent-2"));
      save(client, dir, "auto-close-local-warning", autoClose);
    }
    if (!Files.exists(dir.resolve("agent-end-v2.json"))) {
      MessagingSession ended = open(client, "agent-end-v2");
      ended.message(ChatMessage.fromEndUser("m1"));
      ended.message(ChatMessage.fromAgent("m2", "agent-1"));
      ended.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      save(client, dir, "agent-end-v2", ended);
    }
    recordMacroEscalation(client, dir, "macro-escalation-v2");
    recordMacroEscalation(client, dir, "macro-escalation");
    if (!Files.exists(dir.resolve("triggers-after-settle.json"))) {
      activities.triggersActive = true;
      MessagingSession ended = open(client, "triggers-after-settle");
      ended.message(ChatMessage.fromEndUser("m1"));
      ended.message(ChatMessage.fromAgent("m2", "agent-1"));
      ended.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
      save(client, dir, "triggers-after-settle", ended);
      activities.triggersActive = false;
    }
    if (Files.exists(dir.resolve("agent-end.json"))) {
      return; // the original four are kept as recorded
    }
    MessagingSession agentEnd = open(client, "agent-end");
    agentEnd.message(ChatMessage.fromEndUser("m1"));
    agentEnd.message(ChatMessage.fromAgent("m2", "agent-1"));
    agentEnd.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    save(client, dir, "agent-end", agentEnd);

    MessagingSession userEnd = open(client, "end-user-end");
    userEnd.message(ChatMessage.fromEndUser("m1"));
    userEnd.end(new EndRequest(EndedBy.END_USER, null, "LEFT", null));
    save(client, dir, "end-user-end", userEnd);

    MessagingSession autoClose = open(client, "auto-close");
    autoClose.message(ChatMessage.fromEndUser("m1"));
    autoClose.message(ChatMessage.fromAgent("m2", "agent-2"));
    save(client, dir, "auto-close", autoClose);

    MessagingSession inactive = open(client, "inactive-then-active");
    inactive.message(ChatMessage.fromEndUser("m1"));
    env.sleep(Duration.ofMinutes(11));
    inactive.message(ChatMessage.fromAgent("m2", "agent-1"));
    env.sleep(Duration.ofSeconds(1));
    inactive.end(new EndRequest(EndedBy.ADMIN, null, "SPAM", false));
    save(client, dir, "inactive-then-active", inactive);
  }

  /** A macro ends the session as an escalation (the same script for each version it stands for). */
  private static void recordMacroEscalation(WorkflowClient client, Path dir, String name)
      throws IOException {
    if (Files.exists(dir.resolve(name + ".json"))) {
      return;
    }
    MessagingSession escalated = open(client, name);
    escalated.message(ChatMessage.fromEndUser("m1"));
    escalated.message(ChatMessage.fromAgent("m2", "agent-1"));
    escalated.end(
        new EndRequest(
            EndedBy.AGENT,
            "agent-1",
            "ESCALATED",
            false,
            new AutomationSource(AutomationSource.Kind.MACRO, "7", "Escalate to Tier 2"),
            "run-1/2"));
    save(client, dir, name, escalated);
  }

  private static MessagingSession open(WorkflowClient client, String id) {
    SessionStart start =
        new SessionStart(
            id,
            "conv-" + id,
            "T-" + id,
            "u-1",
            "Ana",
            MessagingSessionTest.TIMERS,
            SessionPolicy.defaults(),
            null,
            0);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    return session;
  }

  private static void save(WorkflowClient client, Path dir, String name, MessagingSession session)
      throws IOException {
    WorkflowStub.fromTyped(session).getResult(SessionOutcome.class);
    String json = client.fetchHistory(MessagingSession.workflowId(name)).toJson(true);
    Files.writeString(dir.resolve(name + ".json"), json);
  }

  static String read(String name) throws IOException {
    try (InputStream in =
        SessionHistoryReplayTest.class.getResourceAsStream("/histories/" + name + ".json")) {
      assertThat(in).as("recorded history " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
