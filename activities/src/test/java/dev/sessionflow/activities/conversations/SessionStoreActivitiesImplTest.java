package dev.sessionflow.activities.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sessionflow.activities.Concurrently;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.sessions.SessionVisibility;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SessionProgress;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SessionStoreActivitiesImplTest extends StoreTestBase {
  @Autowired SessionStoreActivitiesImpl activities;
  @Autowired SessionStore sessions;
  @Autowired TicketStore tickets;

  @Test
  void anAutoCloseClosesAndSettlesInOneCallAndARepeatAnswersTheSameOutcome() {
    AcceptedMessage first = endUserSays("conv-a", "m-1", "hello");
    conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "hi");
    SessionClosing closing =
        closing(first, 3, EndedBy.SYSTEM, null, "INACTIVITY", false, "This chat has ended.");
    Settlement settlement =
        new Settlement(
            first.ticketId(),
            first.sessionId(),
            "SOLVED",
            null,
            closing.end(),
            CsatStatus.SKIPPED,
            0);

    SettleOutcome outcome = activities.closeAndSettle(closing, settlement);
    SettleOutcome repeated = activities.closeAndSettle(closing, settlement);

    assertThat(sessions.find(first.sessionId()).orElseThrow().endReason()).isEqualTo("INACTIVITY");
    assertThat(tickets.find(first.ticketId()).orElseThrow().status()).isEqualTo("SOLVED");
    assertThat(outcome.after().status()).isEqualTo("SOLVED");
    assertThat(repeated).isEqualTo(outcome);
    assertThat(transcript("conv-a")).filteredOn(m -> "SESSION_ENDED".equals(m.kind())).hasSize(1);
  }

  @Test
  void closingEndsTheSessionPostsTheNoticeOnceAndReleasesTheConversation() {
    AcceptedMessage first = endUserSays("conv-1", "m-1", "hello");
    conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "hi");
    clock.advance(Duration.ofMinutes(1));

    activities.closeSession(
        closing(first, 3, EndedBy.AGENT, "agent-1", "RESOLVED", true, "This chat has ended."));

    SessionRecord ended = sessions.find(first.sessionId()).orElseThrow();
    assertThat(ended.status()).isEqualTo("ENDED");
    assertThat(ended.ended()).isTrue();
    assertThat(ended.endedBy()).isEqualTo("AGENT");
    assertThat(ended.endedByAgentId()).isEqualTo("agent-1");
    assertThat(ended.endReason()).isEqualTo("RESOLVED");
    assertThat(ended.endedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(ended.csatWanted()).isTrue();
    assertThat(ended.assignedAgentId()).isEqualTo("agent-1");
    assertThat(ended.updatedAt()).isEqualTo(T0.plusSeconds(60));

    // Closing again (a retried activity, even with another end) changes nothing.
    clock.advance(Duration.ofMinutes(1));
    activities.closeSession(
        closing(first, 4, EndedBy.END_USER, null, "LEFT", false, "Another notice."));
    assertThat(sessions.find(first.sessionId())).contains(ended);
    assertThat(transcript("conv-1"))
        .extracting(StoredMessage::messageId, StoredMessage::author, StoredMessage::kind)
        .containsExactly(
            tuple("m-1", "END_USER", null),
            tuple("a-1", "AGENT", null),
            tuple(first.sessionId() + "-ended", "SYSTEM", "SESSION_ENDED"));
    assertThat(transcript("conv-1").getLast().text()).isEqualTo("This chat has ended.");

    // The next end-user message opens a new session with a new ticket, after the notice.
    AcceptedMessage next = endUserSays("conv-1", "m-2", "one more question");
    assertThat(next.newSession()).isTrue();
    assertThat(next.duplicate()).isFalse();
    assertThat(next.sessionId()).isNotEqualTo(first.sessionId());
    assertThat(next.ticketId()).isNotEqualTo(first.ticketId());
    assertThat(count("sessions")).isEqualTo(2);
    assertThat(count("tickets")).isEqualTo(2);
    assertThat(transcript("conv-1"))
        .extracting(StoredMessage::messageId, StoredMessage::sessionId)
        .containsExactly(
            tuple("m-1", first.sessionId()),
            tuple("a-1", first.sessionId()),
            tuple(first.sessionId() + "-ended", first.sessionId()),
            tuple("m-2", next.sessionId()));
    assertThat(endUserSays("conv-1", "m-3", "and another").sessionId()).isEqualTo(next.sessionId());
    assertThat(sessions.find(first.sessionId())).contains(ended);
  }

  @Test
  void aRetriedCloseOfAnOldSessionDoesNotReleaseTheNewOne() {
    AcceptedMessage first = endUserSays("conv-1", "m-1", "hello");
    SessionClosing close = closing(first, 1, "Bye.");
    activities.closeSession(close);
    AcceptedMessage next = endUserSays("conv-1", "m-2", "again");

    activities.closeSession(close);

    AcceptedMessage third = endUserSays("conv-1", "m-3", "still here");
    assertThat(third.newSession()).isFalse();
    assertThat(third.sessionId()).isEqualTo(next.sessionId());
    assertThat(sessions.find(next.sessionId()).orElseThrow().status()).isEqualTo("ACTIVE");
    assertThat(transcript("conv-1")).filteredOn(m -> "SESSION_ENDED".equals(m.kind())).hasSize(1);
  }

  @Test
  void aMessageRacingTheCloseLandsEitherBeforeTheNoticeOrInANewSession() {
    for (int round = 0; round < 8; round++) {
      String conversation = "conv-" + round;
      AcceptedMessage opened = endUserSays(conversation, "m-0", "hello");
      SessionClosing close = closing(opened, 1, "Bye.");

      List<AcceptedMessage> raced =
          Concurrently.run(
              2,
              i -> {
                if (i == 0) {
                  activities.closeSession(close);
                  return null;
                }
                return endUserSays(conversation, "m-1", "wait!");
              });

      AcceptedMessage late = raced.get(1);
      List<StoredMessage> transcript = transcript(conversation);
      List<String> ids = transcript.stream().map(StoredMessage::messageId).toList();
      String notice = opened.sessionId() + "-ended";
      if (late.sessionId().equals(opened.sessionId())) {
        assertThat(late.newSession()).isFalse();
        assertThat(ids).containsExactly("m-0", "m-1", notice);
      } else {
        assertThat(late.newSession()).isTrue();
        assertThat(ids).containsExactly("m-0", notice, "m-1");
        assertThat(transcript.getLast().sessionId()).isEqualTo(late.sessionId());
      }
    }
  }

  @Test
  void recordProgressAppliesNewerRevisionsAndIgnoresOlderOnes() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");
    String id = opened.sessionId();
    clock.advance(Duration.ofMinutes(10));

    activities.recordProgress(new SessionProgress(id, 2, SessionStatus.INACTIVE, null));
    SessionRecord inactive = sessions.find(id).orElseThrow();
    assertThat(inactive.status()).isEqualTo("INACTIVE");
    assertThat(inactive.assignedAgentId()).isNull();
    assertThat(inactive.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));

    clock.advance(Duration.ofMinutes(1));
    activities.recordProgress(new SessionProgress(id, 1, SessionStatus.ACTIVE, "agent-9"));
    activities.recordProgress(new SessionProgress(id, 2, SessionStatus.ACTIVE, "agent-9"));
    assertThat(sessions.find(id)).contains(inactive);

    activities.recordProgress(new SessionProgress(id, 3, SessionStatus.ACTIVE, "agent-1"));
    assertThat(sessions.find(id).orElseThrow())
        .extracting(SessionRecord::status, SessionRecord::assignedAgentId)
        .containsExactly("ACTIVE", "agent-1");

    // The first assignee stays.
    activities.recordProgress(new SessionProgress(id, 4, SessionStatus.INACTIVE, "agent-2"));
    assertThat(sessions.find(id).orElseThrow())
        .extracting(SessionRecord::status, SessionRecord::assignedAgentId)
        .containsExactly("INACTIVE", "agent-1");
  }

  @Test
  void recordProgressNeverReopensAnEndedSession() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");
    activities.closeSession(closing(opened, 5, "Bye."));
    SessionRecord ended = sessions.find(opened.sessionId()).orElseThrow();

    clock.advance(Duration.ofMinutes(1));
    activities.recordProgress(
        new SessionProgress(opened.sessionId(), 6, SessionStatus.ACTIVE, "agent-2"));
    activities.recordProgress(
        new SessionProgress(opened.sessionId(), 1000, SessionStatus.INACTIVE, null));

    assertThat(sessions.find(opened.sessionId())).contains(ended);
  }

  @Test
  void progressRacingTheCloseNeverReopensTheSession() {
    for (int round = 0; round < 8; round++) {
      AcceptedMessage opened = endUserSays("conv-" + round, "m-0", "hello");
      SessionClosing close = closing(opened, 5, "Bye.");
      SessionProgress progress =
          new SessionProgress(opened.sessionId(), 6, SessionStatus.INACTIVE, "agent-1");

      Concurrently.run(
          2,
          i -> {
            if (i == 0) {
              activities.closeSession(close);
            } else {
              activities.recordProgress(progress);
            }
            return null;
          });

      SessionRecord session = sessions.find(opened.sessionId()).orElseThrow();
      assertThat(session.status()).isEqualTo("ENDED");
      assertThat(session.endReason()).isEqualTo("RESOLVED");
    }
  }

  @Test
  void recordProgressOfAnUnknownSessionChangesNothing() {
    activities.recordProgress(new SessionProgress("nope", 1, SessionStatus.ACTIVE, "agent-1"));

    assertThat(sessions.find("nope")).isEmpty();
    assertThat(count("sessions")).isZero();
  }

  @Test
  void closingWithoutAnAgentKeepsTheAssignee() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");
    conversations.acceptAgentMessage(opened.sessionId(), "a-1", "agent-1", "hi");

    activities.closeSession(closing(opened, 2, EndedBy.SYSTEM, null, "INACTIVE", false, "Closed."));

    SessionRecord ended = sessions.find(opened.sessionId()).orElseThrow();
    assertThat(ended.assignedAgentId()).isEqualTo("agent-1");
    assertThat(ended.endedBy()).isEqualTo("SYSTEM");
    assertThat(ended.endedByAgentId()).isNull();
    assertThat(ended.csatWanted()).isFalse();
  }

  @Test
  void listFiltersByStatusAndAgentNewestFirst() {
    String s1 = endUserSays("conv-1", "m-1", "one").sessionId();
    clock.advance(Duration.ofMinutes(1));
    String s2 = endUserSays("conv-2", "m-1", "two").sessionId();
    clock.advance(Duration.ofMinutes(1));
    String s3 = endUserSays("conv-3", "m-1", "three").sessionId();
    conversations.acceptAgentMessage(s1, "a-1", "agent-1", "hi");
    conversations.acceptAgentMessage(s3, "a-1", "agent-1", "hi");
    activities.recordProgress(new SessionProgress(s3, 1, SessionStatus.INACTIVE, "agent-1"));

    assertThat(ids(null, null, 10)).containsExactly(s3, s2, s1);
    assertThat(ids(null, null, 2)).containsExactly(s3, s2);
    assertThat(ids("ACTIVE", null, 10)).containsExactly(s2, s1);
    assertThat(ids(null, "agent-1", 10)).containsExactly(s3, s1);
    assertThat(ids("INACTIVE", "agent-1", 10)).containsExactly(s3);
    assertThat(ids("ENDED", null, 10)).isEmpty();
    SessionRecord third = sessions.find(s3).orElseThrow();
    assertThat(
            sessions
                .page(
                    SessionVisibility.ALL,
                    null,
                    null,
                    new SessionStore.Position(third.openedAt(), s3),
                    10)
                .stream()
                .map(l -> l.session().sessionId()))
        .as("the page after s3")
        .containsExactly(s2, s1);
    assertThat(ids(null, "agent-2", 10)).isEmpty();
  }

  private java.util.List<String> ids(String status, String agent, int limit) {
    return sessions.page(SessionVisibility.ALL, status, agent, null, limit).stream()
        .map(l -> l.session().sessionId())
        .toList();
  }
}
