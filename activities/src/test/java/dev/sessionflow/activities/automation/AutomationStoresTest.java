package dev.sessionflow.activities.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.activities.tickets.TicketActivitiesImpl;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.automation.ActionType;
import dev.sessionflow.workflows.automation.Condition;
import dev.sessionflow.workflows.automation.TicketAction;
import dev.sessionflow.workflows.automation.TriggerConditions;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AutomationStoresTest extends StoreTestBase {
  static final List<TicketAction> ESCALATE =
      List.of(
          TicketAction.of(ActionType.SET_GROUP, "tier-2"),
          TicketAction.of(ActionType.ADD_INTERNAL_NOTE, "Escalated: refund over the limit"),
          TicketAction.endSession("ESCALATED", false));
  static final TriggerConditions LEFT_TIER_1 =
      new TriggerConditions(
          List.of(
              new Condition("group", Condition.Operator.CHANGED, null),
              new Condition("group", Condition.Operator.IS_NOT, "tier-1")),
          null);

  @Autowired MacroStore macros;
  @Autowired TriggerStore triggers;
  @Autowired TicketActivitiesImpl ticketActivities;

  @Test
  void macrosAreStoredAsWrittenAndReplaced() {
    Macro macro = macros.create(" Escalate to Tier 2 ", ESCALATE);

    assertThat(macros.find(macro.macroId()).orElseThrow().actions()).isEqualTo(ESCALATE);
    assertThat(macro.name()).isEqualTo("Escalate to Tier 2");
    Macro renamed =
        macros
            .replace(
                macro.macroId(), "Escalate", List.of(TicketAction.of(ActionType.SET_GROUP, "x")))
            .orElseThrow();
    assertThat(renamed.actions()).hasSize(1);
    assertThat(macros.list()).extracting(Macro::name).containsExactly("Escalate");
    assertThat(macros.delete(macro.macroId())).isTrue();
    assertThat(macros.replace(macro.macroId(), "x", ESCALATE)).isEmpty();
  }

  @Test
  void badMacrosAreRefusedWithEveryProblemNamed() {
    List<TicketAction> bad =
        Arrays.asList(
            TicketAction.of(ActionType.SET_STATUS, "CLOSED"),
            TicketAction.of(ActionType.SET_GROUP, " "),
            new TicketAction(ActionType.SEND_MESSAGE, "hi", "ESCALATED", null),
            TicketAction.endSession("no spaces allowed", null),
            TicketAction.endSession(null, null),
            new TicketAction(null, "x", null, null));

    assertThatThrownBy(() -> macros.create("", bad))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsKeys(
                        "name",
                        "actions[0].value",
                        "actions[1].value",
                        "actions[2]",
                        "actions[3].reason",
                        "actions[5].type",
                        "actions")); // two END_SESSION
    assertThatThrownBy(() -> macros.create("Empty", List.of()))
        .isInstanceOf(InvalidInputException.class);
    assertThat(count("macros")).isZero();
  }

  @Test
  void triggersKeepTheirOrderAndOnlyEnabledOnesRun() {
    StoredTrigger first = triggers.create("End when escalated", true, null, LEFT_TIER_1, ESCALATE);
    StoredTrigger off = triggers.create("Off", false, null, LEFT_TIER_1, ESCALATE);
    StoredTrigger top = triggers.create("Top", true, 0, LEFT_TIER_1, ESCALATE);

    assertThat(triggers.list())
        .extracting(StoredTrigger::triggerId)
        .containsExactly(top.triggerId(), first.triggerId(), off.triggerId());
    assertThat(triggers.enabled())
        .extracting(StoredTrigger::name)
        .containsExactly("Top", "End when escalated");
    assertThat(first.conditions()).isEqualTo(LEFT_TIER_1);
    assertThat(triggers.anyEnabled()).isTrue();
  }

  @Test
  void theHundredAndFirstTriggerIsALimitReachedNotBadInput() {
    List<String> added = new java.util.ArrayList<>();
    try {
      while (triggers.list().size() < TriggerStore.MAX_TRIGGERS) {
        added.add(triggers.create("Filler", false, null, LEFT_TIER_1, ESCALATE).triggerId());
      }
      assertThatThrownBy(() -> triggers.create("One more", true, null, LEFT_TIER_1, ESCALATE))
          .isInstanceOf(dev.sessionflow.activities.support.LimitReachedException.class)
          .hasMessageContaining("At most 100 triggers");
    } finally {
      added.forEach(triggers::delete);
    }
  }

  @Test
  void badTriggersAreRefused() {
    TriggerConditions bad =
        new TriggerConditions(
            List.of(
                new Condition("priority", Condition.Operator.IS, "high"),
                new Condition("group", Condition.Operator.CHANGED_TO, null),
                new Condition("group", Condition.Operator.CHANGED, "tier-1")),
            List.of(new Condition("status", null, "OPEN")));

    assertThatThrownBy(() -> triggers.create("t", true, null, bad, ESCALATE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsKeys(
                        "conditions.all[0].field",
                        "conditions.all[1].value",
                        "conditions.all[2].value",
                        "conditions.any[0].operator"));
    assertThatThrownBy(
            () -> triggers.create("t", true, null, new TriggerConditions(null, null), ESCALATE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.fieldErrors()).containsKey("conditions"));
  }

  @Test
  void aSettlementReportsTheChangeAndWhetherTriggersCareAndARetryTheSame() {
    AcceptedMessage chat = endUserSays("c-1", "m-1", "Hello");
    triggers.create("End when escalated", true, null, LEFT_TIER_1, ESCALATE);
    SessionEnd end = new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", clock.instant(), false);
    Settlement settlement =
        new Settlement(
            chat.ticketId(), chat.sessionId(), "SOLVED", "follow-up", end, CsatStatus.SKIPPED, 0);

    SettleOutcome first = ticketActivities.settle(settlement);
    SettleOutcome retry = ticketActivities.settle(settlement);

    assertThat(first.before().status()).isEqualTo("OPEN");
    assertThat(first.after().status()).isEqualTo("SOLVED");
    assertThat(first.after().group()).isEqualTo("follow-up");
    assertThat(first.triggersActive()).isTrue();
    // A retry (the first completion lost) answers the first outcome, so triggers still run.
    assertThat(retry).isEqualTo(first);
  }
}
