package dev.sessionflow.workflows.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state's intents keep the revision the read model orders by: every change the read model must
 * see bumps it once, and what it need not see leaves it alone.
 */
class SessionStateIntentsTest {
  private static final SessionEnd END =
      new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", Instant.EPOCH, true, null, "r-1");

  @Test
  void anEndAndItsTakingBackEachBumpTheRevisionOnce() {
    SessionState state = SessionState.openedAt(0);
    state.goInactive();
    assertThat(state.revision).isEqualTo(1);

    SessionStatus before = state.endAs(END);
    assertThat(before).isEqualTo(SessionStatus.INACTIVE);
    assertThat(state.status).isEqualTo(SessionStatus.ENDED);
    assertThat(state.ended()).isTrue();
    assertThat(state.revision).isEqualTo(2);

    state.surveyOutcome(CsatStatus.SKIPPED);
    state.takeBackEnd(before);
    assertThat(state.status).isEqualTo(SessionStatus.INACTIVE);
    assertThat(state.ended()).isFalse();
    assertThat(state.csat).isEqualTo(CsatStatus.NOT_SENT);
    assertThat(state.revision).isEqualTo(3);
  }

  @Test
  void whatTheStoreAnswersChangesNoRevision() {
    SessionState state = SessionState.openedAt(0);
    state.endAs(END);
    long revision = state.revision;

    state.adoptEnd(END.asHeld(END));
    state.closedInStore();
    state.settledTicket(true);
    state.warnedFor(42);

    assertThat(state.revision).isEqualTo(revision);
    assertThat(state.closed).isTrue();
    assertThat(state.settled).isTrue();
    assertThat(state.warnedForDeadline).isEqualTo(42);
  }

  @Test
  void theIntentsAddNothingToTheCarriedJson() throws Exception {
    // The state is carried across continue-as-new as JSON: only its fields may be in it.
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    SessionState state = SessionState.openedAt(0);
    state.endAs(END);

    List<String> fields =
        Arrays.stream(SessionState.class.getFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .map(Field::getName)
            .toList();

    assertThat(json.readTree(json.writeValueAsString(state)).properties())
        .extracting(Map.Entry::getKey)
        .containsExactlyInAnyOrderElementsOf(fields);
    assertThat(json.readValue(json.writeValueAsString(state), SessionState.class).revision)
        .isEqualTo(1);
  }
}
