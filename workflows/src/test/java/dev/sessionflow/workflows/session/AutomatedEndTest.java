package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.AutomationResult;
import dev.sessionflow.workflows.automation.Condition;
import dev.sessionflow.workflows.automation.InMemoryTicket;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TicketAutomation;
import dev.sessionflow.workflows.automation.Trigger;
import dev.sessionflow.workflows.automation.TriggerConditions;
import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions ended by macros and triggers, and the triggers a session's end sets off. */
class AutomatedEndTest {
  static final AutomationSource MACRO =
      new AutomationSource(AutomationSource.Kind.MACRO, "7", "Escalate to Tier 2");
  static final AutomationSource TRIGGER =
      new AutomationSource(AutomationSource.Kind.TRIGGER, "3", "End when escalated");

  RecordingActivities activities;
  InMemoryTicket ticket;
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void setUp() {
    activities = new RecordingActivities();
    ticket = new InMemoryTicket("T-x", "tier-1");
    env = SessionTestEnvironment.start(activities, ticket);
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  MessagingSession chatting(String id, SessionPolicy policy) {
    MessagingSession session =
        SessionTestEnvironment.open(client, id, MessagingSessionTest.TIMERS, policy);
    session.message(ChatMessage.fromEndUser("m1"));
    session.message(ChatMessage.fromAgent("m2", "agent-1"));
    return session;
  }

  @Test
  void macroEscalationSettlesOpenWithoutSurveyAndNamesTheMacro() {
    MessagingSession session = chatting("e1", SessionPolicy.defaults());

    EndResult result =
        session.end(new EndRequest(EndedBy.AGENT, "agent-1", "ESCALATED", null, MACRO, "run/2"));

    assertThat(result.endReason()).isEqualTo("ESCALATED");
    assertThat(SessionTestEnvironment.outcome(session).csat()).isEqualTo(CsatStatus.SKIPPED);
    assertThat(activities.surveys).isEmpty();
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.status()).isEqualTo("OPEN");
              assertThat(s.group()).isNull(); // stays in the group the macro moved it to
              assertThat(s.end().via()).isEqualTo(MACRO);
            });
    assertThat(
            client
                .newUntypedWorkflowStub(MessagingSession.workflowId("e1"))
                .describe()
                .getTypedSearchAttributes()
                .get(SessionSearchAttributes.ENDED_VIA))
        .isEqualTo("macro:7");
  }

  @Test
  void aTriggersEndClosesAndSettlesInTheWorkflowTaskThatAcceptsIt() {
    MessagingSession session = chatting("e7", SessionPolicy.defaults());
    env.sleep(Duration.ofSeconds(1)); // the messages in a workflow task of their own

    EndResult result =
        session.end(new EndRequest(EndedBy.SYSTEM, null, "ESCALATED", false, TRIGGER, "t/1"));

    // The answer comes once the store holds the end and the settlement.
    assertThat(result.endReason()).isEqualTo("ESCALATED");
    assertThat(activities.closings).singleElement();
    assertThat(activities.settlements)
        .singleElement()
        .satisfies(s -> assertThat(s.end().via()).isEqualTo(TRIGGER));
    assertThat(SessionTestEnvironment.outcome(session).csat()).isEqualTo(CsatStatus.SKIPPED);
    List<EventType> events =
        client.fetchHistory(MessagingSession.workflowId("e7")).getEvents().stream()
            .map(HistoryEvent::getEventType)
            .toList();
    // No activity task; the workflow completes in the task that accepted the end.
    assertThat(events).doesNotContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    List<EventType> afterAcceptance =
        events.subList(
            events.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED), events.size());
    assertThat(afterAcceptance)
        .doesNotContain(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED)
        .last()
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  }

  @Test
  void aMacrosEndInASessionThatCanBeReopenedClosesThroughARegularActivity() {
    // A reopening message must never reach a session whose end the store holds but the session
    // has not durably accepted: the close is scheduled with the Update's acceptance.
    MessagingSession session =
        chatting("e8", SessionPolicy.defaults().withReopenWithin(Duration.ofMinutes(5)));

    session.end(new EndRequest(EndedBy.AGENT, "agent-1", "ESCALATED", null, MACRO, "run/3"));

    assertThat(client.fetchHistory(MessagingSession.workflowId("e8")).getEvents())
        .anyMatch(
            e ->
                e.hasActivityTaskScheduledEventAttributes()
                    && e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals("CloseAsDecided"));
  }

  @Test
  void aRetriedEndRequestGetsTheSameAnswerAndAnyOtherIsRefused() {
    MessagingSession session =
        chatting("e2", SessionPolicy.defaults().withReopenWithin(Duration.ofMinutes(5)));
    EndRequest request = new EndRequest(EndedBy.AGENT, "agent-1", "ESCALATED", null, MACRO, "k1");

    EndResult first = session.end(request);
    EndResult again = session.end(request);

    assertThat(again).isEqualTo(first);
    assertThatThrownBy(
            () ->
                session.end(
                    new EndRequest(EndedBy.AGENT, "agent-1", "ESCALATED", null, MACRO, "k2")))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(activities.closings).hasSize(1);
  }

  @Test
  void anExplicitSendCsatFromATriggerWinsEvenForTheSystem() {
    MessagingSession session = chatting("e3", SessionPolicy.defaults());

    session.end(new EndRequest(EndedBy.SYSTEM, null, "ESCALATED", true, TRIGGER, "t/0"));

    assertThat(SessionTestEnvironment.outcome(session).csat()).isEqualTo(CsatStatus.SENT);
  }

  @Test
  void anAgentEscalatingByHandAlsoLeavesTheTicketOpenWithoutSurvey() {
    MessagingSession session = chatting("e4", SessionPolicy.defaults());

    session.end(new EndRequest(EndedBy.AGENT, "agent-1", "ESCALATED", null));

    SessionTestEnvironment.outcome(session);
    assertThat(activities.surveys).isEmpty();
    assertThat(activities.settlements.get(0).status()).isEqualTo("OPEN");
  }

  @Test
  void aSettlementSetsOffTheTriggersInTheirOwnRun() {
    activities.triggersActive = true;
    ticket.triggers.add(
        new Trigger(
            "9",
            "Solve after a chat ends",
            new TriggerConditions(
                List.of(new Condition("sessionStatus", Condition.Operator.CHANGED_TO, "ENDED")),
                null),
            List.of(TicketAction.of(ActionType.SET_STATUS, "SOLVED"))));
    MessagingSession session = chatting("e5", SessionPolicy.defaults());

    session.end(new EndRequest(EndedBy.AGENT, "agent-1", null, null));
    SessionTestEnvironment.outcome(session);

    AutomationResult run =
        client
            .newUntypedWorkflowStub(TicketAutomation.workflowId("session-e5"))
            .getResult(AutomationResult.class);
    assertThat(run.triggers())
        .singleElement()
        .satisfies(t -> assertThat(t.triggerId()).isEqualTo("9"));
    assertThat(ticket.facts.status()).isEqualTo("SOLVED");
  }

  @Test
  void aSessionEndedByAutomationLeavesItsTriggersToThatRun() {
    activities.triggersActive = true;
    MessagingSession session = chatting("e6", SessionPolicy.defaults());

    session.end(new EndRequest(EndedBy.AGENT, "agent-1", "ESCALATED", null, MACRO, "run/0"));
    SessionTestEnvironment.outcome(session);

    assertThatThrownBy(
            () ->
                client.newUntypedWorkflowStub(TicketAutomation.workflowId("session-e6")).describe())
        .isInstanceOf(WorkflowNotFoundException.class);
  }
}
