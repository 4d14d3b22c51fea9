package dev.sessionflow.workflows.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.workflows.model.TicketFacts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
  static final TicketFacts TIER_2 =
      new TicketFacts("1", "s", "tier-2", "OPEN", "ACTIVE", null, null);
  static final Map<String, FieldChange> FROM_TIER_1 =
      Map.of("group", new FieldChange("tier-1", "tier-2"));

  static boolean holds(Condition.Operator op, String field, String value) {
    return new Condition(field, op, value).holds(TIER_2, FROM_TIER_1);
  }

  @Test
  void readsCurrentValuesAndChanges() {
    assertThat(holds(Condition.Operator.IS, "group", "tier-2")).isTrue();
    assertThat(holds(Condition.Operator.IS_NOT, "group", "tier-1")).isTrue();
    assertThat(holds(Condition.Operator.CHANGED, "group", null)).isTrue();
    assertThat(holds(Condition.Operator.CHANGED, "status", null)).isFalse();
    assertThat(holds(Condition.Operator.NOT_CHANGED, "status", null)).isTrue();
    assertThat(holds(Condition.Operator.CHANGED_FROM, "group", "tier-1")).isTrue();
    assertThat(holds(Condition.Operator.CHANGED_TO, "group", "tier-1")).isFalse();
    assertThat(holds(Condition.Operator.IS_NOT, "endReason", "ESCALATED")).isTrue();
  }

  @Test
  void changesMergeAcrossStepsAndCancelWhenUndone() {
    TicketFacts tier1 = new TicketFacts("1", "s", "tier-1", "OPEN", "ACTIVE", null, null);
    TicketFacts tier3 = new TicketFacts("1", "s", "tier-3", "OPEN", "ACTIVE", null, null);

    Map<String, FieldChange> once = FieldChange.merge(Map.of(), tier1, TIER_2);
    Map<String, FieldChange> twice = FieldChange.merge(once, TIER_2, tier3);
    Map<String, FieldChange> back = FieldChange.merge(twice, tier3, tier1);

    assertThat(twice).containsEntry("group", new FieldChange("tier-1", "tier-3"));
    assertThat(back).isEmpty();
  }

  @Test
  void anyNeedsOneAllNeedsEvery() {
    TriggerConditions conditions =
        new TriggerConditions(
            java.util.List.of(new Condition("group", Condition.Operator.CHANGED, null)),
            java.util.List.of(
                new Condition("status", Condition.Operator.IS, "SOLVED"),
                new Condition("group", Condition.Operator.IS, "tier-2")));
    assertThat(conditions.hold(TIER_2, FROM_TIER_1)).isTrue();
    assertThat(conditions.hold(TIER_2, Map.of())).isFalse();
  }
}
