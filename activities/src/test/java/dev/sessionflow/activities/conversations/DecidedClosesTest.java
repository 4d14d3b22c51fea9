package dev.sessionflow.activities.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.Closed;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code closeAsDecided}: the store's end is the session's end. */
class DecidedClosesTest extends StoreTestBase {
  @Autowired SessionStoreActivitiesImpl activities;
  @Autowired SessionStore sessions;
  @Autowired TicketStore tickets;
  @Autowired SettingsStore settings;

  private static SessionClosing seeing(SessionClosing closing, long seenSequence) {
    return new SessionClosing(
        closing.sessionId(),
        closing.conversationId(),
        closing.revision(),
        closing.assignedAgentId(),
        closing.end(),
        closing.endedNoticeText(),
        closing.round(),
        closing.reopenUntil(),
        seenSequence,
        null);
  }

  private static SessionClosing under(SessionClosing closing, long settingsVersion) {
    return new SessionClosing(
        closing.sessionId(),
        closing.conversationId(),
        closing.revision(),
        closing.assignedAgentId(),
        closing.end(),
        closing.endedNoticeText(),
        closing.round(),
        closing.reopenUntil(),
        closing.seenSequence(),
        settingsVersion);
  }

  private static Settlement settlementOf(AcceptedMessage opened, SessionEnd end) {
    return new Settlement(
        opened.ticketId(), opened.sessionId(), "SOLVED", null, end, CsatStatus.SKIPPED, 0);
  }

  @Test
  void anAutoCloseIsRefusedWhileTheStoreHoldsAMessageTheSessionMissed() {
    AcceptedMessage first = endUserSays("conv-r", "m-1", "hello");
    var agent = conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "hi");
    clock.advance(Duration.ofMinutes(20));
    AcceptedMessage late = endUserSays("conv-r", "m-2", "still there");
    SessionClosing autoClose =
        seeing(
            closing(first, 3, EndedBy.SYSTEM, null, "INACTIVITY", false, "Ended."),
            agent.sequence());

    Closed answer = activities.closeAsDecided(autoClose, settlementOf(first, autoClose.end()));

    assertThat(answer.refusedTheEnd()).isTrue();
    assertThat(answer.missed())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.messageId()).isEqualTo("m-2");
              assertThat(m.author()).isEqualTo("END_USER");
              assertThat(m.sequence()).isEqualTo(late.sequence());
              assertThat(m.storedAt()).isEqualTo(late.storedAt());
            });
    assertThat(sessions.find(first.sessionId()).orElseThrow().ended()).isFalse();
    assertThat(tickets.find(first.ticketId()).orElseThrow().status()).isNotEqualTo("SOLVED");

    // Once the session has seen it, the auto-close goes through.
    Closed after = activities.closeAsDecided(seeing(autoClose, late.sequence()), null);
    assertThat(after.end().reason()).isEqualTo("INACTIVITY");
  }

  @Test
  void anAutoCloseIsRefusedWhileTheStoreHoldsNewerSettings() {
    AcceptedMessage first = endUserSays("conv-s", "m-1", "hello");
    var agent = conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "hi");
    long decidedUnder = settings.current().version();
    long newer =
        settings
            .update(
                new SettingsChange(
                    null,
                    null,
                    Optional.of(Duration.ofHours(2)),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .version();
    SessionClosing autoClose =
        under(
            seeing(
                closing(first, 3, EndedBy.SYSTEM, null, "INACTIVITY", false, "Ended."),
                agent.sequence()),
            decidedUnder);

    Closed answer = activities.closeAsDecided(autoClose, settlementOf(first, autoClose.end()));

    assertThat(answer.refusedTheEnd()).isTrue();
    assertThat(answer.newerSettings()).isEqualTo(newer);
    assertThat(answer.missed()).isEmpty();
    assertThat(sessions.find(first.sessionId()).orElseThrow().ended()).isFalse();
    assertThat(tickets.find(first.ticketId()).orElseThrow().status()).isNotEqualTo("SOLVED");

    // Decided again under the newer settings (or under any), the auto-close goes through.
    assertThat(activities.closeAsDecided(under(autoClose, newer), null).end()).isNotNull();
    assertThat(sessions.find(first.sessionId()).orElseThrow().ended()).isTrue();
  }

  @Test
  void aCloseAnswersTheEndTheStoreHoldsAndSettlesOnlyItsOwnDecision() {
    AcceptedMessage first = endUserSays("conv-h", "m-1", "hello");
    conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "hi");
    // The agent's end: the close committed, then its workflow task was lost.
    SessionClosing agentEnd = closing(first, 2, "Ended.");
    activities.closeSession(agentEnd);
    clock.advance(Duration.ofMinutes(30));
    SessionClosing autoClose =
        closing(first, 3, EndedBy.SYSTEM, null, "INACTIVITY", false, "Ended.");

    Closed answer = activities.closeAsDecided(autoClose, settlementOf(first, autoClose.end()));

    assertThat(answer.end().endedBy()).isEqualTo(EndedBy.AGENT);
    assertThat(answer.end().endedAt()).isEqualTo(agentEnd.end().endedAt());
    assertThat(answer.end().csatWanted()).isTrue();
    assertThat(answer.settled())
        .as("another decision's settlement is the session's to make")
        .isNull();
    assertThat(tickets.find(first.ticketId()).orElseThrow().settledAt()).isNull();

    // The agent's end asked again, a task later: settled, at the stored time.
    SessionClosing retried =
        closing(first, 2, EndedBy.AGENT, "agent-1", "RESOLVED", true, "Ended.");
    Closed settled = activities.closeAsDecided(retried, settlementOf(first, retried.end()));
    assertThat(settled.settled()).isNotNull();
    assertThat(settled.end().endedAt()).isEqualTo(agentEnd.end().endedAt());
    assertThat(tickets.find(first.ticketId()).orElseThrow().status()).isEqualTo("SOLVED");
    assertThat(transcript("conv-h")).filteredOn(m -> "SESSION_ENDED".equals(m.kind())).hasSize(1);
  }
}
