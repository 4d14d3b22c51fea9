package dev.sessionflow.activities.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.FakeSessionControl;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.tickets.TicketAuditEntry;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.Actor;
import dev.sessionflow.workflows.automation.AutomationStep;
import dev.sessionflow.workflows.automation.Outcome;
import dev.sessionflow.workflows.automation.StepResult;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.EndedBy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AutomationActivitiesImplTest extends StoreTestBase {
  static final Actor AGENT = new Actor(EndedBy.AGENT, "agent-1");
  static final AutomationSource MACRO =
      new AutomationSource(AutomationSource.Kind.MACRO, "7", "Escalate to Tier 2");

  @Autowired AutomationActivitiesImpl automation;
  @Autowired TicketStore tickets;
  @Autowired SettingsStore settings;
  @Autowired FakeSessionControl control;

  AcceptedMessage chat;

  @BeforeEach
  void openChat() {
    control.reset();
    chat = endUserSays("c-1", "m-1", "My order is late");
  }

  AutomationStep step(String key, Actor actor, TicketAction action) {
    return new AutomationStep(key, chat.ticketId(), actor, MACRO, action);
  }

  StepResult endBy(String key, Actor actor) {
    return automation.endSession(
        step(key, actor, TicketAction.endSession("ESCALATED", false)), () -> {});
  }

  @Test
  void aStepAppliesOnceWhateverItsRetries() {
    AutomationStep move = step("run/0", AGENT, TicketAction.of(ActionType.SET_GROUP, "tier-2"));

    StepResult first = automation.applyToTicket(move);
    StepResult retry = automation.applyToTicket(move);
    StepResult other =
        automation.applyToTicket(
            step("run2/0", AGENT, TicketAction.of(ActionType.SET_GROUP, "tier-2")));

    assertThat(first.result().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(first.result().detail()).isEqualTo("group (none) -> tier-2");
    assertThat(first.after().group()).isEqualTo("tier-2");
    assertThat(retry.result()).isEqualTo(first.result());
    assertThat(other.result().outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(tickets.audit(chat.ticketId()))
        .filteredOn(e -> e.kind().equals("GROUP_CHANGED"))
        .singleElement()
        .extracting(TicketAuditEntry::detail)
        .isEqualTo("agent agent-1 via macro 7 \"Escalate to Tier 2\": group (none) -> tier-2");
  }

  @Test
  void statusAndNotesAreAudited() {
    automation.applyToTicket(step("r/0", AGENT, TicketAction.of(ActionType.SET_STATUS, "PENDING")));
    automation.applyToTicket(
        step("r/1", AGENT, TicketAction.of(ActionType.ADD_INTERNAL_NOTE, "refund > limit")));

    assertThat(tickets.find(chat.ticketId()).orElseThrow().status()).isEqualTo("PENDING");
    assertThat(tickets.audit(chat.ticketId()))
        .extracting(TicketAuditEntry::kind)
        .contains("STATUS_CHANGED", "INTERNAL_NOTE");
  }

  @Test
  void aLongNoteIsAuditedWhole() {
    String note = "n".repeat(AutomationRules.MAX_TEXT);
    StepResult result =
        automation.applyToTicket(
            step("r/0", AGENT, TicketAction.of(ActionType.ADD_INTERNAL_NOTE, note)));

    assertThat(result.result().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(tickets.audit(chat.ticketId()))
        .filteredOn(e -> e.kind().equals("INTERNAL_NOTE"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).endsWith(note));
  }

  @Test
  void aStepTheStoreRefusesIsRecordedFailedWithItsCauseNotRetriedForEver() {
    AutomationStep huge =
        step("r/0", AGENT, TicketAction.of(ActionType.SET_GROUP, "g".repeat(1000)));

    StepResult first = automation.applyToTicket(huge);
    StepResult retry = automation.applyToTicket(huge);

    assertThat(first.result().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(first.result().detail()).contains("could not be stored");
    assertThat(retry.result()).isEqualTo(first.result());
    assertThat(tickets.find(chat.ticketId()).orElseThrow().group()).isNull();
  }

  @Test
  void anEscalationEndsTheSessionAndWaitsForTheSettlement() {
    StepResult result = endBy("run/2", AGENT);

    assertThat(result.result().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.after().sessionStatus()).isEqualTo("ENDED");
    assertThat(result.after().endReason()).isEqualTo("ESCALATED");
    assertThat(control.ends)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.via()).isEqualTo(MACRO);
              assertThat(r.requestId()).isEqualTo("run/2");
              assertThat(r.sendCsat()).isFalse();
            });
    assertThat(tickets.find(chat.ticketId()).orElseThrow().endedVia()).isEqualTo("macro:7");
    assertThat(tickets.audit(chat.ticketId()))
        .filteredOn(e -> e.kind().equals("SETTLED"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("via macro 7 \"Escalate to Tier 2\""));
  }

  @Test
  void anEndWhoseRecordWasLostToACrashAsksTheSessionAgainAndSettlesOnce() {
    endBy("run/2", AGENT);
    jdbc.sql("delete from automation_steps").update(); // the worker died before recording it

    StepResult retry = endBy("run/2", AGENT);

    assertThat(retry.result().outcome()).isEqualTo(Outcome.APPLIED);
    // The session is asked again under the same Update ID: the store may hold an end whose
    // accepting workflow task was lost with its worker. It answers the end it has, or takes it now.
    assertThat(control.ends)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.requestId()).isEqualTo("run/2"));
    assertThat(tickets.audit(chat.ticketId()))
        .filteredOn(e -> e.kind().equals("SETTLED"))
        .singleElement();
  }

  @Test
  void aSessionEndedByOthersIsAlreadyDone() {
    endBy("someone-else/0", AGENT);

    StepResult result = endBy("run/2", AGENT);

    assertThat(result.result().outcome()).isEqualTo(Outcome.ALREADY_DONE);
    assertThat(control.ends).hasSize(1);
  }

  @Test
  void agentsCannotEndWhileTheAccountSettingIsOffButTheSystemCan() {
    settings.update(
        new SettingsChange(
            false, null, null, null, null, null, null, null, null, null, null, null));

    StepResult agent = endBy("run/2", AGENT);
    StepResult trigger = endBy("trigger/0", Actor.system());

    assertThat(agent.result().outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(trigger.result().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(control.ends).extracting(r -> r.endedBy()).containsExactly(EndedBy.SYSTEM);
  }

  @Test
  void aSessionWithoutWorkflowFailsTheStep() {
    control.answer = SessionControl.EndAnswer.NO_WORKFLOW;

    assertThat(endBy("run/2", AGENT).result().outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void agentMessagesGoToTheSessionOnceAndNotAfterItsEnd() {
    AutomationStep say =
        step("run/1", AGENT, TicketAction.of(ActionType.SEND_MESSAGE, "Passing you to billing"));

    StepResult sent = automation.sendMessage(say);
    automation.sendMessage(say);
    endBy("run/2", AGENT);
    StepResult late =
        automation.sendMessage(
            step("run/3", AGENT, TicketAction.of(ActionType.SEND_MESSAGE, "Too late")));

    assertThat(sent.result().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(transcript("c-1"))
        .filteredOn(m -> "Passing you to billing".equals(m.text()))
        .hasSize(1);
    assertThat(control.delivered).hasSize(1);
    assertThat(late.result().outcome()).isEqualTo(Outcome.FAILED);
  }

  @Test
  void theSystemWritesASystemMessage() {
    automation.sendMessage(
        step("t/0", Actor.system(), TicketAction.of(ActionType.SEND_MESSAGE, "Escalated.")));

    assertThat(transcript("c-1"))
        .filteredOn(m -> "Escalated.".equals(m.text()))
        .singleElement()
        .satisfies(m -> assertThat(m.author()).isEqualTo("SYSTEM"));
    assertThat(control.delivered).isEmpty();
  }
}
