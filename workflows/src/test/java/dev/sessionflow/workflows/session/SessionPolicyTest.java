package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionStatus;
import dev.sessionflow.workflows.webhooks.WebhookActivities;
import dev.sessionflow.workflows.webhooks.WebhookCall;
import dev.sessionflow.workflows.webhooks.WebhookDelivery;
import dev.sessionflow.workflows.webhooks.WebhookEvent;
import dev.sessionflow.workflows.webhooks.WebhookSubscription;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each policy on both sides of its setting, on the time-skipping test server. */
class SessionPolicyTest {
  static final SessionTimers TIMERS = MessagingSessionTest.TIMERS;

  RecordingActivities activities;
  FlakyReceiver receiver;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  /** A webhook receiver that fails its first attempts, as an unreachable one would. */
  static class FlakyReceiver implements WebhookActivities {
    final List<WebhookCall> delivered = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    volatile int failuresLeft;

    @Override
    public void post(WebhookCall call) {
      attempts.incrementAndGet();
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("receiver unavailable");
      }
      delivered.add(call);
    }
  }

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    receiver = new FlakyReceiver();
    env = SessionTestEnvironment.start(activities, receiver);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static SessionPolicy policy(
      Set<EndedBy> csatWhen,
      boolean requireAgentReply,
      int minEndUserMessages,
      Map<String, SettlementRule> rules,
      List<WebhookSubscription> hooks) {
    return new SessionPolicy(
        csatWhen,
        Duration.ofDays(3),
        "SOLVED",
        requireAgentReply,
        minEndUserMessages,
        "Rate us",
        10,
        rules,
        hooks,
        null);
  }

  MessagingSession open(String id, SessionTimers timers, SessionPolicy policy) {
    return SessionTestEnvironment.open(client, id, timers, policy);
  }

  SessionOutcome outcome(MessagingSession session) {
    return SessionTestEnvironment.outcome(session);
  }

  @Test
  void autoClosedSessionsAreSurveyedOnlyWhenThePolicySaysSo() {
    SessionPolicy surveyAll =
        policy(Set.of(EndedBy.AGENT, EndedBy.SYSTEM), false, 0, Map.of(), List.of());
    MessagingSession surveyed = open("p1", TIMERS, surveyAll);
    surveyed.message(ChatMessage.fromAgent("m1", "agent-1"));
    assertThat(outcome(surveyed).csat()).isEqualTo(CsatStatus.SENT);
    assertThat(activities.surveys)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.question()).isEqualTo("Rate us");
              assertThat(s.scale()).isEqualTo(10);
              assertThat(s.expiresAfter()).isEqualTo(Duration.ofDays(3));
            });

    MessagingSession skipped = open("p2", TIMERS, SessionPolicy.defaults());
    skipped.message(ChatMessage.fromAgent("m1", "agent-1"));
    assertThat(outcome(skipped).csat()).isEqualTo(CsatStatus.SKIPPED);
  }

  @Test
  void minimumInteractionBeforeSurveying() {
    SessionPolicy strict = policy(Set.of(EndedBy.AGENT), true, 2, Map.of(), List.of());
    MessagingSession tooLittle = open("p3", TIMERS, strict);
    tooLittle.message(ChatMessage.fromEndUser("m1"));
    tooLittle.message(ChatMessage.fromAgent("m2", "agent-1"));
    tooLittle.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    assertThat(outcome(tooLittle).csat())
        .as("one end-user message of two")
        .isEqualTo(CsatStatus.SKIPPED);

    MessagingSession noReply = open("p4", TIMERS, strict);
    noReply.message(ChatMessage.fromEndUser("m1"));
    noReply.message(ChatMessage.fromEndUser("m2"));
    noReply.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    assertThat(outcome(noReply).csat()).as("no agent reply").isEqualTo(CsatStatus.SKIPPED);

    MessagingSession enough = open("p5", TIMERS, strict);
    enough.message(ChatMessage.fromEndUser("m1").withSequence(1));
    enough.message(ChatMessage.fromAgent("m2", "agent-1").withSequence(2));
    enough.message(ChatMessage.fromEndUser("m3").withSequence(3));
    // after the last stored message, as the API asks: the end then counts all three
    enough.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null).after(3L));
    assertThat(outcome(enough).csat()).isEqualTo(CsatStatus.SENT);

    MessagingSession asked = open("p6", TIMERS, strict);
    asked.end(new EndRequest(EndedBy.AGENT, "agent-1", null, true));
    assertThat(outcome(asked).csat()).as("sendCsat true overrides").isEqualTo(CsatStatus.SENT);
  }

  @Test
  void settlesByEndReasonThenByWhoEndedIt() {
    SessionPolicy rules =
        policy(
            Set.of(),
            false,
            0,
            Map.of(
                "INACTIVITY", new SettlementRule("PENDING", "follow-up"),
                "END_USER", new SettlementRule("OPEN", null)),
            List.of());
    MessagingSession idle = open("p7", TIMERS, rules);
    idle.message(ChatMessage.fromAgent("m1", "agent-1"));
    outcome(idle);
    MessagingSession left = open("p8", TIMERS, rules);
    left.end(new EndRequest(EndedBy.END_USER, null, "END_USER_LEFT", null));
    outcome(left);
    MessagingSession resolved = open("p9", TIMERS, rules);
    resolved.end(new EndRequest(EndedBy.AGENT, "agent-1", "RESOLVED", null));
    outcome(resolved);

    assertThat(activities.settlements)
        .extracting(Settlement::sessionId, Settlement::status, Settlement::group)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("p7", "PENDING", "follow-up"),
            org.assertj.core.groups.Tuple.tuple("p8", "OPEN", null),
            org.assertj.core.groups.Tuple.tuple("p9", "SOLVED", null));
  }

  @Test
  void aSettingsChangeShortensTheTimerOfARunningSession() {
    MessagingSession session = open("p10", TIMERS, SessionPolicy.defaults());
    session.message(ChatMessage.fromAgent("m1", "agent-1"));
    long agentWroteAt = env.currentTimeMillis();
    env.sleep(Duration.ofMinutes(1));

    session.settingsChanged(
        new SessionSettings(
            new SessionTimers(Duration.ofMinutes(10), Duration.ofMinutes(5), null, "", "Bye"),
            SessionPolicy.defaults()));
    SessionOutcome outcome = outcome(session);

    long closedAfter = outcome.end().endedAt().toEpochMilli() - agentWroteAt;
    assertThat(closedAfter)
        .isBetween(
            Duration.ofMinutes(5).minusSeconds(1).toMillis(), Duration.ofMinutes(6).toMillis());
    assertThat(activities.closings)
        .singleElement()
        .satisfies(c -> assertThat(c.endedNoticeText()).isEqualTo("Bye"));
  }

  @Test
  void aMessageInTheReopenWindowReopensTheSameSession() {
    SessionPolicy reopening = SessionPolicy.defaults().withReopenWithin(Duration.ofMinutes(10));
    MessagingSession session = open("p12", TIMERS, reopening);
    session.message(ChatMessage.fromEndUser("m1"));
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    env.sleep(Duration.ofMinutes(5));
    assertThat(activities.settlements).hasSize(1);

    session.message(ChatMessage.fromEndUser("late"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(session.state().end()).as("only a reopening message reopens").isNotNull();
    session.message(ChatMessage.reopeningFromEndUser("m2"));
    env.sleep(Duration.ofSeconds(1));
    assertThat(session.state().status()).isEqualTo(SessionStatus.ACTIVE);
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    SessionOutcome outcome = outcome(session);

    assertThat(outcome.messageCount()).isEqualTo(2);
    assertThat(activities.surveys).as("one survey per session").hasSize(1);
    assertThat(activities.closings).extracting(c -> c.round()).containsExactly(0, 1);
    assertThat(activities.settlements).extracting(st -> st.round()).containsExactly(0, 1);
  }

  @Test
  void afterTheReopenWindowTheSessionIsDone() {
    SessionPolicy reopening = SessionPolicy.defaults().withReopenWithin(Duration.ofMinutes(10));
    MessagingSession session = open("p13", TIMERS, reopening);
    session.end(new EndRequest(EndedBy.ADMIN, null, null, false));
    SessionOutcome outcome = outcome(session);
    assertThat(outcome.end().endedBy()).isEqualTo(EndedBy.ADMIN);
    assertThat(activities.settlements).hasSize(1);
  }

  @Test
  void webhooksGetEachEventOnceEvenWhenTheReceiverFailsFirst() {
    receiver.failuresLeft = 5;
    SessionPolicy hooked =
        policy(
            Set.of(EndedBy.AGENT),
            false,
            0,
            Map.of(),
            List.of(
                new WebhookSubscription(
                    "h1", Set.of(WebhookEvent.SESSION_ENDED, WebhookEvent.CSAT_SENT)),
                new WebhookSubscription("h2", Set.of(WebhookEvent.CSAT_ANSWERED))));
    MessagingSession session = open("p11", TIMERS, hooked);
    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    outcome(session);

    for (String eventId : List.of("session.ended:p11", "csat.sent:p11")) {
      WebhookCall call = new WebhookCall("h1", new WebhookEvent(eventId, null, null, null));
      client.newUntypedWorkflowStub(WebhookDelivery.workflowId(call)).getResult(Void.class);
    }
    assertThat(receiver.delivered)
        .extracting(c -> c.hookId() + " " + c.event().eventId())
        .containsExactlyInAnyOrder("h1 session.ended:p11", "h1 csat.sent:p11");
    assertThat(receiver.attempts).hasValue(7);
    assertThat(receiver.delivered.get(0).event().data()).containsEntry("ticketId", "T-p11");
  }
}
