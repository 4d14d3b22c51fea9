package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of a session, on the time-skipping test server. */
class MessagingSessionTest {

  static final SessionTimers TIMERS =
      new SessionTimers(
          Duration.ofMinutes(10),
          Duration.ofMinutes(30),
          Duration.ofMinutes(2),
          "Are you still there?",
          "This session has ended.");

  RecordingActivities activities;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    env = SessionTestEnvironment.start(activities);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  MessagingSession open(String id, SessionTimers timers) {
    return SessionTestEnvironment.open(client, id, timers, SessionPolicy.defaults());
  }

  SessionOutcome outcome(MessagingSession session) {
    return SessionTestEnvironment.outcome(session);
  }

  @Test
  void agentEndSendsSurveyAndSolvesTicket() {
    MessagingSession session = open("s1", TIMERS);
    session.message(ChatMessage.fromEndUser("m1").withSequence(1));
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));

    // As the API asks it: after the last message the store holds. Without it, an Update handled in
    // the same workflow task as the signals could decide before them (the old rare failure here).
    EndResult result = session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(2L));

    assertThat(result.status()).isEqualTo(SessionStatus.ENDED);
    assertThat(result.endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(result.endReason()).isEqualTo("RESOLVED");
    SessionOutcome outcome = outcome(session);
    assertThat(outcome.csat()).isEqualTo(CsatStatus.SENT);
    assertThat(outcome.messageCount()).isEqualTo(2);
    assertThat(activities.closings)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.end().endedBy()).isEqualTo(EndedBy.AGENT);
              assertThat(c.assignedAgentId()).isEqualTo("agent-1");
              assertThat(c.endedNoticeText()).isEqualTo("This session has ended.");
            });
    assertThat(activities.surveys)
        .singleElement()
        .satisfies(s -> assertThat(s.expiresAfter()).isEqualTo(Duration.ofDays(14)));
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.status()).isEqualTo("SOLVED");
              assertThat(s.csat()).isEqualTo(CsatStatus.SENT);
            });
    SearchAttributes attributes = describeAttributes("s1");
    assertThat(attributes.get(SessionSearchAttributes.SESSION_STATUS)).isEqualTo("ENDED");
    assertThat(attributes.get(SessionSearchAttributes.AGENT_ID)).isEqualTo("agent-1");
    assertThat(attributes.get(SessionSearchAttributes.ENDED_BY)).isEqualTo("AGENT");
    assertThat(attributes.get(SessionSearchAttributes.END_REASON)).isEqualTo("RESOLVED");
    assertThat(attributes.get(SessionSearchAttributes.TICKET_ID)).isEqualTo("T-s1");
    assertThat(attributes.get(SessionSearchAttributes.CONVERSATION_ID)).isEqualTo("conv-s1");
  }

  @Test
  void anAgentsEndAnswersFromTheWorkflowTaskThatAcceptsItWithTheStoreAlreadyClosed() {
    MessagingSession session = open("s40", TIMERS);
    session.message(ChatMessage.fromEndUser("m1").withSequence(1));
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
    env.sleep(Duration.ofSeconds(1)); // the messages in a workflow task of their own

    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(2L));

    // Read-your-writes: the store holds the end when the Update answers.
    assertThat(activities.closings).singleElement();
    assertThat(outcome(session).csat()).isEqualTo(CsatStatus.SENT);
    assertThat(activities.settlements).singleElement();
    List<EventType> events =
        client.fetchHistory(MessagingSession.workflowId("s40")).getEvents().stream()
            .map(HistoryEvent::getEventType)
            .toList();
    // The close is a local activity of the task that accepted the end, which also answers it.
    assertThat(
            events.subList(
                events.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED),
                events.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)))
        .doesNotContain(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    assertThat(SessionTestEnvironment.scheduledActivities(client, "s40"))
        .containsExactly("InviteAndSettle");
    // One activity invites to the survey and settles, as a survey with the ticket's status.
    assertThat(activities.surveys).singleElement();
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(s -> assertThat(s.csat()).isEqualTo(CsatStatus.SENT));
  }

  @Test
  void anAgentsEndInASessionThatCanBeReopenedClosesThroughARegularActivity() {
    // A reopening message must never reach a session whose end the store holds but the session
    // has not durably accepted: the close is scheduled with the Update's acceptance.
    MessagingSession session =
        SessionTestEnvironment.open(
            client,
            "s41",
            TIMERS,
            SessionPolicy.defaults().withReopenWithin(Duration.ofMinutes(5)));
    session.message(ChatMessage.fromEndUser("m1").withSequence(1));
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));

    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(2L));

    assertThat(SessionTestEnvironment.scheduledActivities(client, "s41"))
        .startsWith("CloseAsDecided");
  }

  @Test
  void endUserLeavingSkipsSurvey() {
    MessagingSession session = open("s2", TIMERS);
    session.message(ChatMessage.fromEndUser("m1"));

    EndResult result = session.end(new EndRequest(EndedBy.END_USER, null, "LEFT", null));

    assertThat(result.endedBy()).isEqualTo(EndedBy.END_USER);
    assertThat(result.endReason()).isEqualTo("LEFT");
    assertThat(outcome(session).csat()).isEqualTo(CsatStatus.SKIPPED);
    assertThat(activities.surveys).isEmpty();
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(s -> assertThat(s.csat()).isEqualTo(CsatStatus.SKIPPED));
  }

  @Test
  void adminEndSendsSurvey() {
    MessagingSession session = open("s3", TIMERS);
    session.end(new EndRequest(EndedBy.ADMIN, null, "SPAM", null));

    assertThat(outcome(session).csat()).isEqualTo(CsatStatus.SENT);
    assertThat(activities.closings)
        .singleElement()
        .satisfies(c -> assertThat(c.end().endedBy()).isEqualTo(EndedBy.ADMIN));
  }

  @Test
  void agentEndWithoutSurveySkipsIt() {
    MessagingSession session = open("s4", TIMERS);
    session.end(new EndRequest(EndedBy.AGENT, "agent-2", "RESOLVED", false));

    assertThat(outcome(session).csat()).isEqualTo(CsatStatus.SKIPPED);
    assertThat(activities.surveys).isEmpty();
  }

  @Test
  void secondEndIsRejectedAsAlreadyEnded() {
    // A reopen window keeps the run open after the first end, so the second end reaches it (a
    // completed run answers "not found", which the API maps from the ticket store instead).
    MessagingSession session =
        SessionTestEnvironment.open(
            client, "s5", TIMERS, SessionPolicy.defaults().withReopenWithin(Duration.ofMinutes(5)));
    session.message(ChatMessage.fromEndUser("m1"));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));

    assertThatThrownBy(() -> session.end(new EndRequest(EndedBy.ADMIN, null, null, null)))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(e -> assertThat(SessionErrors.isSessionEnded(e)).isTrue());
    assertThat(outcome(session).end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(activities.closings).hasSize(1);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void autoClosesAfterWarningWhenTheEndUserDoesNotReply() {
    MessagingSession session = open("s6", TIMERS);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    long agentWroteAt = env.currentTimeMillis();

    SessionOutcome outcome = outcome(session);

    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.SYSTEM);
    assertThat(outcome.end().reason()).isEqualTo("INACTIVITY");
    assertThat(outcome.end().endedAt().toEpochMilli() - agentWroteAt)
        .isBetween(
            Duration.ofMinutes(30).minusSeconds(1).toMillis(), Duration.ofMinutes(31).toMillis());
    assertThat(outcome.csat()).isEqualTo(CsatStatus.SKIPPED);
    assertThat(activities.systemMessages)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo("INACTIVITY_WARNING");
              assertThat(m.text()).isEqualTo("Are you still there?");
            });
    assertThat(activities.surveys).isEmpty();
    assertThat(describeAttributes("s6").get(SessionSearchAttributes.ENDED_BY)).isEqualTo("SYSTEM");
  }

  @Test
  void anAutoCloseWithoutSurveyClosesAndSettlesInTheWorkflowTaskItsTimerFiredIn() {
    MessagingSession session = open("s30", TIMERS);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));

    SessionOutcome outcome = outcome(session);

    assertThat(outcome.end().reason()).isEqualTo("INACTIVITY");
    assertThat(outcome.csat()).isEqualTo(CsatStatus.SKIPPED);
    assertThat(activities.closings).singleElement();
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.end().reason()).isEqualTo("INACTIVITY");
              assertThat(s.csat()).isEqualTo(CsatStatus.SKIPPED);
            });
    List<EventType> events =
        client.fetchHistory(MessagingSession.workflowId("s30")).getEvents().stream()
            .map(HistoryEvent::getEventType)
            .toList();
    // No activity task: the close and the settlement are one local activity, and the workflow
    // completes in the task the auto-close timer fired in.
    assertThat(events).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    List<EventType> afterLastTimer =
        events.subList(events.lastIndexOf(EventType.EVENT_TYPE_TIMER_FIRED), events.size());
    assertThat(afterLastTimer)
        .filteredOn(e -> e == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
        .hasSize(1);
    assertThat(afterLastTimer).last().isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void eachAutoCloseRecordsHowLateItFiredAfterItsDeadline() {
    env.close();
    RecordedMetrics lateness = new RecordedMetrics(InactivityTimer.LATENESS_METRIC);
    env = SessionTestEnvironment.start(lateness, activities);
    client = env.getWorkflowClient();
    MessagingSession session = open("s32", TIMERS);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    long due = session.state().lastMessageAt().toEpochMilli() + TIMERS.autoCloseAfter().toMillis();

    SessionOutcome outcome = outcome(session);

    assertThat(lateness.recorded)
        .singleElement()
        .isEqualTo(Duration.ofMillis(outcome.end().endedAt().toEpochMilli() - due));
  }

  @Test
  void anAutoCloseCountsFromWhenTheStoreTookTheAgentsMessage() {
    MessagingSession session = open("s31", TIMERS);
    session.message(ChatMessage.fromEndUser("m1"));
    long agentWroteAt = env.currentTimeMillis();
    env.sleep(Duration.ofMinutes(5)); // its signal waited behind others for five minutes
    session.message(
        ChatMessage.fromAgent("m2", "agent-1").stored(2, Instant.ofEpochMilli(agentWroteAt)));

    SessionOutcome outcome = outcome(session);

    assertThat(outcome.end().reason()).isEqualTo("INACTIVITY");
    assertThat(outcome.end().endedAt().toEpochMilli() - agentWroteAt)
        .isBetween(
            Duration.ofMinutes(30).minusSeconds(1).toMillis(), Duration.ofMinutes(31).toMillis());
  }

  @Test
  void aReplyRestartsTheAutoCloseClock() {
    MessagingSession session = open("s7", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    env.sleep(Duration.ofMinutes(29));
    assertThat(activities.systemMessages).hasSize(1);
    session.message(ChatMessage.fromEndUser("m2"));
    session.message(ChatMessage.fromAgent("m3", "agent-1"));
    env.sleep(Duration.ofMinutes(20));
    assertThat(session.state().end()).isNull();

    SessionOutcome outcome = outcome(session);
    assertThat(outcome.end().reason()).isEqualTo("INACTIVITY");
    assertThat(activities.systemMessages).as("one warning per deadline").hasSize(2);
  }

  @Test
  void anAgentReplyBringsTheAutoCloseForwardOfALaterInactivityTimer() {
    SessionTimers longInactivity =
        new SessionTimers(Duration.ofHours(1), Duration.ofMinutes(15), null, "", "Ended.");
    MessagingSession session = open("s15", longInactivity);
    session.message(ChatMessage.fromEndUser("m1"));
    env.sleep(Duration.ofMinutes(1));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    long agentWroteAt = env.currentTimeMillis();

    SessionOutcome outcome = outcome(session);

    assertThat(outcome.end().endedAt().toEpochMilli() - agentWroteAt)
        .isBetween(
            Duration.ofMinutes(15).minusSeconds(1).toMillis(), Duration.ofMinutes(16).toMillis());
  }

  @Test
  void neverAutoClosesWhileWaitingOnTheAgent() {
    MessagingSession session = open("s8", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    session.message(ChatMessage.fromEndUser("m2"));

    env.sleep(Duration.ofHours(6));

    SessionView view = session.state();
    assertThat(view.end()).isNull();
    assertThat(view.status()).isEqualTo(SessionStatus.INACTIVE);
    assertThat(activities.systemMessages).isEmpty();
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    assertThat(outcome(session).end().endedBy()).isEqualTo(EndedBy.AGENT);
  }

  @Test
  void goesInactiveAndBackToActive() {
    MessagingSession session = open("s9", TIMERS);
    session.message(ChatMessage.fromEndUser("m1"));
    env.sleep(Duration.ofMinutes(11));

    assertThat(session.state().status()).isEqualTo(SessionStatus.INACTIVE);
    assertThat(describeAttributes("s9").get(SessionSearchAttributes.SESSION_STATUS))
        .isEqualTo("INACTIVE");

    session.message(ChatMessage.fromAgent("m2", "agent-2"));
    env.sleep(Duration.ofSeconds(1));

    SessionView view = session.state();
    assertThat(view.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(view.assignedAgentId()).isEqualTo("agent-2");
    assertThat(activities.progress)
        .extracting(SessionProgress -> SessionProgress.status())
        .containsSubsequence(SessionStatus.INACTIVE, SessionStatus.ACTIVE);
    assertThat(describeAttributes("s9").get(SessionSearchAttributes.SESSION_STATUS))
        .isEqualTo("ACTIVE");
  }

  @Test
  void assignsTheFirstAgentWhoRepliesAndDropsRedeliveredMessages() {
    MessagingSession session = open("s10", TIMERS);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-2"));
    session.message(ChatMessage.fromAgent("m3", "agent-1"));

    SessionView view = session.state();
    assertThat(view.assignedAgentId()).isEqualTo("agent-2");
    assertThat(view.lastAuthor()).isEqualTo(Author.AGENT);
    assertThat(view.messageCount()).isEqualTo(3);
  }

  @Test
  void anAssigneeTheStoreTookWithTheAgentsMessageIsShownWithoutAReadModelWrite() {
    MessagingSession session = open("s33", TIMERS);
    Instant storedAt = Instant.ofEpochMilli(env.currentTimeMillis());
    session.message(ChatMessage.fromEndUser("m1").stored(1, storedAt));
    session.message(ChatMessage.fromAgent("m2", "agent-1").stored(2, storedAt));
    env.sleep(Duration.ofSeconds(1));

    assertThat(session.state().assignedAgentId()).isEqualTo("agent-1");
    // Visibility still finds the open session by its agent; the store assigned it already.
    assertThat(describeAttributes("s33").get(SessionSearchAttributes.AGENT_ID))
        .isEqualTo("agent-1");
    assertThat(describeAttributes("s33").get(SessionSearchAttributes.SESSION_STATUS))
        .isEqualTo("ACTIVE");
    assertThat(activities.progress).isEmpty();
    assertThat(client.fetchHistory(MessagingSession.workflowId("s33")).getEvents())
        .noneMatch(
            e ->
                e.hasMarkerRecordedEventAttributes()
                    && e.getMarkerRecordedEventAttributes()
                        .getMarkerName()
                        .equals("LocalActivity"));

    // A message that did not come through the store still has its assignee written there.
    MessagingSession direct = open("s34", TIMERS);
    direct.message(ChatMessage.fromAgent("m1", "agent-2"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(activities.progress)
        .singleElement()
        .satisfies(p -> assertThat(p.assignedAgentId()).isEqualTo("agent-2"));
  }

  @Test
  void settlesExactlyOnceWhenTheTicketStoreFailsFirst() {
    activities.settleFailuresLeft = 2;
    MessagingSession session = open("s11", TIMERS);
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));

    SessionOutcome outcome = outcome(session);

    assertThat(outcome.end()).isNotNull();
    assertThat(activities.settleAttempts).hasValue(3);
    assertThat(activities.settlements).hasSize(1);
    assertThat(activities.surveys).hasSize(1);
  }

  @Test
  void aStoreThatGivesUpDelaysTheEndButNeverFailsTheSession() {
    // Non-retryable, so each attempt fails the local activity at once, as a long outage would.
    activities.closeFailuresLeft = 3;
    MessagingSession session = open("s14", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));

    SessionOutcome outcome = outcome(session);

    assertThat(outcome.end().reason()).isEqualTo("INACTIVITY");
    assertThat(activities.closings).hasSize(1);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void aWarningTheStoreRefusesIsRetriedWhileItStillMeansSomething() {
    activities.warningFailuresLeft = 2; // 1 s and 2 s of backoff, well before the close
    MessagingSession session = open("s15", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));

    assertThat(outcome(session).end().reason()).isEqualTo("INACTIVITY");
    assertThat(activities.systemMessages)
        .singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo("INACTIVITY_WARNING"));
  }

  @Test
  void aWarningStillRefusedWhenTheCloseIsDueIsDroppedAndTheSessionCloses() {
    activities.warningFailuresLeft = 1_000; // the 2 minutes before the close run out first
    MessagingSession session = open("s16", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));

    SessionOutcome outcome = outcome(session);

    assertThat(outcome.end().reason()).isEqualTo("INACTIVITY");
    assertThat(activities.systemMessages).isEmpty();
    assertThat(activities.closings).hasSize(1);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void aCloseTheStoreKeepsRefusingRaisesAnAlertAndGoesThroughWhenOpsRetry() {
    activities.closeFailuresLeft = 1_000;
    MessagingSession session = open("s24", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));

    // The auto-close is due at 30 minutes; its close then fails its quick attempts (about 45 s).
    env.sleep(Duration.ofMinutes(32));

    assertThat(session.storeAlert()).startsWith("close stalled since").contains("database down");
    int attempts = 1_000 - activities.closeFailuresLeft;
    assertThat(attempts).isEqualTo(StoreRetry.QUICK_ATTEMPTS);
    env.sleep(Duration.ofMinutes(30));
    assertThat(1_000 - activities.closeFailuresLeft).as("no retry storm").isEqualTo(attempts);

    activities.closeFailuresLeft = 0;
    session.retryStore();

    assertThat(outcome(session).end().reason()).isEqualTo("INACTIVITY");
    assertThat(activities.closings).hasSize(1);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void aCloseTheStoreRefusesForGoodStallsAtOnceAndWaitsForOpsWithoutHourlyTries() {
    activities.closeRefusalsLeft = 1_000;
    MessagingSession session = open("s41", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));

    env.sleep(Duration.ofMinutes(31)); // the auto-close is due at 30 minutes: refused at once
    assertThat(session.storeAlert())
        .startsWith("close stalled since")
        .contains("after 1 attempt")
        .contains("refused (waits for retryStore)")
        .contains("value too long");
    int tries = activities.closeTries.get();
    env.sleep(Duration.ofHours(3));
    assertThat(activities.closeTries).as("no hourly tries").hasValue(tries);

    activities.closeRefusalsLeft = 0; // ops fixed the data
    session.retryStore();
    assertThat(outcome(session).end().reason()).isEqualTo("INACTIVITY");
    assertThat(activities.closings).hasSize(1);
    assertThat(activities.closeTries).hasValue(tries + 1);
  }

  @Test
  void aStalledWriteCountsEachFailedTrySoTheAlertLastsWhileTheSessionIsStuck()
      throws InterruptedException {
    env.close();
    RecordedMetrics metrics = new RecordedMetrics(InactivityTimer.LATENESS_METRIC);
    env = SessionTestEnvironment.start(metrics, activities);
    client = env.getWorkflowClient();
    activities.closeFailuresLeft = 1_000;
    MessagingSession session = open("s33", TIMERS);
    session.message(ChatMessage.fromAgent("m1", "agent-1"));

    env.sleep(Duration.ofMinutes(32)); // due at 30 minutes, then its quick attempts fail
    assertThat(session.storeAlert()).startsWith("close stalled since");
    assertThat(metrics.counted(StoreRetry.STALLED_METRIC, 1)).isEqualTo(1);
    env.sleep(Duration.ofMinutes(125)); // two hourly tries, both refused
    assertThat(metrics.counted(StoreRetry.STALLED_METRIC, 3)).isEqualTo(3);

    activities.closeFailuresLeft = 0;
    session.retryStore();
    assertThat(outcome(session).end().reason()).isEqualTo("INACTIVITY");
    assertThat(metrics.counted(StoreRetry.STALLED_METRIC, 3)).isEqualTo(3);
  }

  @Test
  void continuesAsNewCarryingItsState() {
    SessionTimers noAutoClose = new SessionTimers(Duration.ofMinutes(10), null, null, "", "Ended.");
    MessagingSession session = open("s12", noAutoClose);
    session.message(ChatMessage.fromAgent("first", "agent-1"));
    String firstRun = WorkflowStub.fromTyped(session).getExecution().getRunId();
    int total = MessagingSessionImpl.MESSAGES_PER_RUN + 50;
    for (int i = 1; i < total; i++) {
      session.message(ChatMessage.fromEndUser("m" + i));
    }

    SessionView view = session.state();
    assertThat(view.messageCount()).isEqualTo(total);
    assertThat(view.assignedAgentId()).isEqualTo("agent-1");
    MessagingSession latest =
        client.newWorkflowStub(MessagingSession.class, MessagingSession.workflowId("s12"));
    latest.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    SessionOutcome outcome = WorkflowStub.fromTyped(latest).getResult(SessionOutcome.class);
    assertThat(outcome.messageCount()).isEqualTo(total);
    String lastRun =
        client.newUntypedWorkflowStub(MessagingSession.workflowId("s12")).getExecution().getRunId();
    assertThat(lastRun).isNotEqualTo(firstRun);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void anEndAcceptedWhileTheRunFlushesBeforeContinuingAsNewStillClosesAndSettles()
      throws Exception {
    SessionTimers noAutoClose = new SessionTimers(Duration.ofMinutes(10), null, null, "", "Ended.");
    MessagingSession session = open("s20", noAutoClose);
    session.message(ChatMessage.fromEndUser("m0"));
    // The store refuses every read-model write: INACTIVE is retried on durable timers.
    activities.refuseProgress = p -> true;
    env.sleep(Duration.ofMinutes(11));
    // Continue-as-new comes due while that write waits, with a new change to flush (the assignee).
    session.message(ChatMessage.fromAgent("a1", "agent-1"));
    for (int i = 1; i < MessagingSessionImpl.MESSAGES_PER_RUN; i++) {
      session.message(ChatMessage.fromEndUser("m" + i));
    }
    // INACTIVE goes through; the flush of the assignee before continue-as-new waits on the store.
    activities.refuseProgress = p -> p.assignedAgentId() != null;
    env.sleep(Duration.ofSeconds(20));
    // The end arrives during that wait, and its close waits on the store longer than the flush.
    activities.closeFailuresLeft = 6;
    WorkflowStub.fromTyped(session)
        .startUpdate(
            "end",
            io.temporal.client.WorkflowUpdateStage.ACCEPTED,
            EndResult.class,
            new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    activities.refuseProgress = p -> false;

    SessionOutcome outcome =
        client
            .newUntypedWorkflowStub(MessagingSession.workflowId("s20"))
            .getResult(15, java.util.concurrent.TimeUnit.SECONDS, SessionOutcome.class);

    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(outcome.messageCount()).isEqualTo(MessagingSessionImpl.MESSAGES_PER_RUN + 1);
    assertThat(activities.closings).hasSize(1);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void aRunThatStartsEndedButUnclosedClosesItself() throws Exception {
    // What a run of older code could carry into continue-as-new: an end whose close never ran.
    SessionState carried = SessionState.openedAt(env.currentTimeMillis());
    carried.messageCount = 3;
    carried.assignedAgentId = "agent-1";
    carried.status = SessionStatus.ENDED;
    carried.end =
        new SessionEnd(
            EndedBy.AGENT,
            "agent-1",
            "RESOLVED",
            java.time.Instant.ofEpochMilli(env.currentTimeMillis()),
            true);
    SessionStart start =
        new SessionStart(
            "s21", "conv-s21", "T-s21", "u-1", "Ana", TIMERS, SessionPolicy.defaults(), carried, 0);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);

    SessionOutcome outcome =
        WorkflowStub.fromTyped(session)
            .getResult(15, java.util.concurrent.TimeUnit.SECONDS, SessionOutcome.class);

    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(activities.closings).singleElement();
    assertThat(activities.surveys).hasSize(1);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void anEndDecidesOnlyAfterTheMessagesItsCallerSaw() {
    SessionPolicy needsAReply =
        new SessionPolicy(
            Set.of(EndedBy.AGENT, EndedBy.ADMIN),
            Duration.ofDays(14),
            "SOLVED",
            true,
            1,
            null,
            5,
            java.util.Map.of(),
            java.util.List.of(),
            null);
    MessagingSession session = SessionTestEnvironment.open(client, "s22", TIMERS, needsAReply);
    session.message(ChatMessage.fromEndUser("m1").withSequence(41));
    // The agent's reply is stored (sequence 42) and answered 202; its signal is still on the way
    // when the agent, who saw it, ends the session.
    io.temporal.client.WorkflowUpdateHandle<EndResult> end =
        WorkflowStub.fromTyped(session)
            .startUpdate(
                "end",
                io.temporal.client.WorkflowUpdateStage.ACCEPTED,
                EndResult.class,
                new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(42L));
    session.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(42));

    assertThat(end.getResult().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(outcome(session).csat()).isEqualTo(CsatStatus.SENT);
    assertThat(activities.closings)
        .singleElement()
        .satisfies(c -> assertThat(c.assignedAgentId()).isEqualTo("agent-1"));
  }

  @Test
  void anEndWhoseMessagesNeverArriveDecidesAfterABoundedWait() {
    MessagingSession session = open("s23", TIMERS);
    session.message(ChatMessage.fromEndUser("m1").withSequence(7));

    EndResult result = session.end(new EndRequest(EndedBy.ADMIN, null, "SPAM", false).after(9L));

    assertThat(result.endedBy()).isEqualTo(EndedBy.ADMIN);
    assertThat(outcome(session).end().reason()).isEqualTo("SPAM");
    assertThat(activities.closings).hasSize(1);
  }

  @Test
  void policyCanSendNoSurveyForAgents() {
    SessionPolicy policy =
        new SessionPolicy(
            Set.of(), Duration.ofDays(1), "PENDING", false, 0, null, 0, null, null, null);
    SessionStart start =
        new SessionStart("s13", "conv-s13", "T-s13", "u-1", "Ana", TIMERS, policy, null, 0);
    MessagingSession session =
        client.newWorkflowStub(MessagingSession.class, SessionWorkflowOptions.forStart(start));
    WorkflowClient.start(session::run, start);
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));

    assertThat(outcome(session).csat()).isEqualTo(CsatStatus.SKIPPED);
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("PENDING"));
  }

  SearchAttributes describeAttributes(String sessionId) {
    return client
        .newUntypedWorkflowStub(MessagingSession.workflowId(sessionId))
        .describe()
        .getTypedSearchAttributes();
  }
}
