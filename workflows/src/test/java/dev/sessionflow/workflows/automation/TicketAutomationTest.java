package dev.sessionflow.workflows.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.session.MessagingSession;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Macros, ticket updates and the trigger chain, on the time-skipping test server. */
class TicketAutomationTest {
  static final Actor AGENT = new Actor(EndedBy.AGENT, "agent-1");
  static final AutomationSource MACRO =
      new AutomationSource(AutomationSource.Kind.MACRO, "7", "Escalate to Tier 2");
  static final AutomationSource UPDATE =
      new AutomationSource(AutomationSource.Kind.TICKET_UPDATE, null, null);

  /** The README's recipe: the group changed away from tier-1 ends the session, no survey. */
  static final Trigger END_ON_ESCALATION =
      new Trigger(
          "1",
          "End the chat when escalated",
          new TriggerConditions(
              List.of(
                  new Condition("group", Condition.Operator.CHANGED, null),
                  new Condition("group", Condition.Operator.IS_NOT, "tier-1")),
              null),
          List.of(TicketAction.endSession("ESCALATED", false)));

  InMemoryTicket ticket;
  TestWorkflowEnvironment env;
  WorkflowClient client;
  int runs;

  @BeforeEach
  void setUp() {
    ticket = new InMemoryTicket("1001", "tier-1");
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TicketAutomation.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(TicketAutomationImpl.class);
    worker.registerActivitiesImplementations(ticket);
    env.newWorker(TicketAutomation.ACTIVITY_TASK_QUEUE).registerActivitiesImplementations(ticket);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  AutomationResult run(Actor actor, AutomationSource source, TicketAction... actions) {
    String runId = "run-" + ++runs;
    TicketAutomation automation =
        client.newWorkflowStub(
            TicketAutomation.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TicketAutomation.workflowId(runId))
                .setTaskQueue(TicketAutomation.TASK_QUEUE)
                .build());
    return automation.run(
        new AutomationRequest(runId, "1001", actor, source, List.of(actions), Map.of()));
  }

  @Test
  void macroAppliesEveryActionInOrderAndReportsEach() {
    AutomationResult result =
        run(
            AGENT,
            MACRO,
            TicketAction.of(ActionType.SET_GROUP, "tier-2"),
            TicketAction.of(ActionType.ADD_INTERNAL_NOTE, "needs a refund"),
            TicketAction.endSession("ESCALATED", false));

    assertThat(result.results())
        .extracting(ActionResult::type, ActionResult::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ActionType.SET_GROUP, Outcome.APPLIED),
            org.assertj.core.groups.Tuple.tuple(ActionType.ADD_INTERNAL_NOTE, Outcome.APPLIED),
            org.assertj.core.groups.Tuple.tuple(ActionType.END_SESSION, Outcome.APPLIED));
    assertThat(result.ticket().group()).isEqualTo("tier-2");
    assertThat(result.ticket().sessionStatus()).isEqualTo("ENDED");
    assertThat(ticket.applied)
        .extracting(AutomationStep::stepKey)
        .containsExactly("run-1/0", "run-1/1", "run-1/2");
    assertThat(ticket.applied).allSatisfy(s -> assertThat(s.source()).isEqualTo(MACRO));
  }

  @Test
  void endForbiddenForAgentsStillAppliesTheRest() {
    ticket.agentsCanEndSessions = false;

    AutomationResult result =
        run(
            AGENT,
            MACRO,
            TicketAction.endSession("ESCALATED", false),
            TicketAction.of(ActionType.SET_GROUP, "tier-2"));

    assertThat(result.results())
        .extracting(ActionResult::outcome)
        .containsExactly(Outcome.FORBIDDEN, Outcome.APPLIED);
    assertThat(ticket.facts.sessionStatus()).isEqualTo("ACTIVE");
    assertThat(ticket.facts.group()).isEqualTo("tier-2");
  }

  @Test
  void groupChangeFiresTheEscalationTriggerAsTheSystem() {
    ticket.triggers.add(END_ON_ESCALATION);

    AutomationResult result = run(AGENT, UPDATE, TicketAction.of(ActionType.SET_GROUP, "tier-2"));

    assertThat(result.triggers())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.triggerId()).isEqualTo("1");
              assertThat(t.results())
                  .extracting(ActionResult::outcome)
                  .containsExactly(Outcome.APPLIED);
            });
    AutomationStep end = ticket.applied.get(1);
    assertThat(end.actor()).isEqualTo(Actor.system());
    assertThat(end.source()).isEqualTo(END_ON_ESCALATION.source());
    assertThat(ticket.facts.endedBy()).isEqualTo("SYSTEM");
    assertThat(ticket.facts.endReason()).isEqualTo("ESCALATED");
  }

  @Test
  void triggerConditionsThatDoNotHoldFireNothing() {
    ticket.triggers.add(END_ON_ESCALATION);

    AutomationResult result = run(AGENT, UPDATE, TicketAction.of(ActionType.SET_STATUS, "PENDING"));

    assertThat(result.triggers()).isEmpty();
    assertThat(ticket.facts.sessionStatus()).isEqualTo("ACTIVE");
  }

  @Test
  void anUpdateThatChangesNothingReadsNoTriggers() {
    ticket.triggers.add(END_ON_ESCALATION);

    AutomationResult result = run(AGENT, UPDATE, TicketAction.of(ActionType.SET_GROUP, "tier-1"));

    assertThat(result.results())
        .extracting(ActionResult::outcome)
        .containsExactly(Outcome.ALREADY_DONE);
    assertThat(ticket.triggerReads).isZero();
  }

  @Test
  void selfTriggeringRulesStopAfterOneRoundEach() {
    // Each sets the other off, and itself: a naive engine would flip the group forever.
    ticket.triggers.add(
        new Trigger(
            "a",
            "to tier-3",
            new TriggerConditions(
                List.of(new Condition("group", Condition.Operator.CHANGED, null)), null),
            List.of(TicketAction.of(ActionType.SET_GROUP, "tier-3"))));
    ticket.triggers.add(
        new Trigger(
            "b",
            "back to tier-2",
            new TriggerConditions(
                List.of(new Condition("group", Condition.Operator.IS, "tier-3")), null),
            List.of(TicketAction.of(ActionType.SET_GROUP, "tier-2"))));

    AutomationResult result = run(AGENT, UPDATE, TicketAction.of(ActionType.SET_GROUP, "tier-2"));

    assertThat(result.triggers()).extracting(TriggerRun::triggerId).containsExactly("a", "b");
    assertThat(ticket.facts.group()).isEqualTo("tier-2");
    assertThat(ticket.applied).hasSize(3);
  }

  @Test
  void aBusinessFailureIsReportedAndTheNextActionStillRuns() {
    AutomationResult result =
        run(
            AGENT,
            MACRO,
            TicketAction.of(ActionType.SEND_MESSAGE, "boom"),
            TicketAction.of(ActionType.SET_STATUS, "PENDING"));

    assertThat(result.results())
        .extracting(ActionResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.APPLIED);
    assertThat(result.results().get(0).detail()).contains("cannot apply boom");
  }

  @Test
  void runsOnTheSessionsTaskQueue() {
    // Written out in TicketAutomation, which must not depend on the session package.
    assertThat(TicketAutomation.TASK_QUEUE).isEqualTo(MessagingSession.TASK_QUEUE);
  }
}
