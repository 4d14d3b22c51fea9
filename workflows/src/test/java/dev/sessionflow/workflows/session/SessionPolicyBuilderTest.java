package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.workflows.model.EndedBy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy's builder changes the fields it names and nothing else, and adds nothing to JSON. */
class SessionPolicyBuilderTest {

  @Test
  void aBuilderOfAPolicyBuildsThatPolicyAgain() {
    SessionPolicy policy =
        new SessionPolicy(
            Set.of(EndedBy.END_USER),
            Duration.ofDays(2),
            "PENDING",
            true,
            3,
            "Helpful?",
            10,
            Map.of("INACTIVITY", new SettlementRule("OPEN", "tier-2")),
            List.of(),
            Duration.ofMinutes(30));

    assertThat(policy.toBuilder().build()).isEqualTo(policy);
  }

  @Test
  void eachSetterChangesItsFieldAlone() {
    SessionPolicy base = SessionPolicy.defaults();

    SessionPolicy changed =
        base.toBuilder().csatMinEndUserMessages(2).settleStatus("PENDING").build();

    assertThat(changed.csatMinEndUserMessages()).isEqualTo(2);
    assertThat(changed.settleStatus()).isEqualTo("PENDING");
    assertThat(changed.toBuilder().csatMinEndUserMessages(0).settleStatus("SOLVED").build())
        .isEqualTo(base);
    assertThat(base.withReopenWithin(Duration.ofHours(1)).reopenWithin())
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theBuiltPolicyIsNormalisedAsTheConstructorNormalisesIt() {
    SessionPolicy built =
        SessionPolicy.defaults().toBuilder().csatQuestion(null).csatScale(0).build();

    assertThat(built.csatQuestion()).isEqualTo(SessionPolicy.DEFAULT_QUESTION);
    assertThat(built.csatScale()).isEqualTo(5);
  }

  @Test
  void thePolicysJsonHoldsItsComponentsOnly() throws Exception {
    // Policies travel in workflow inputs and signals: a method must never become a JSON property.
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    assertThat(json.readTree(json.writeValueAsString(SessionPolicy.defaults())).properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrder(
            "csatWhenEndedBy",
            "csatExpiresAfter",
            "settleStatus",
            "csatRequiresAgentReply",
            "csatMinEndUserMessages",
            "csatQuestion",
            "csatScale",
            "settleRules",
            "webhooks",
            "reopenWithin");
  }
}
