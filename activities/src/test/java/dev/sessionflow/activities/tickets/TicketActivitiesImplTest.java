package dev.sessionflow.activities.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sessionflow.activities.Concurrently;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.workflows.activities.SettleOutcome;
import dev.sessionflow.workflows.activities.Settlement;
import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TicketActivitiesImplTest extends StoreTestBase {
  private static final Instant ENDED_AT = T0.plus(Duration.ofMinutes(5));

  @Autowired TicketActivitiesImpl activities;
  @Autowired TicketStore tickets;

  @Test
  void settlingTwiceChangesTheTicketOnce() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");
    clock.advance(Duration.ofMinutes(6));

    activities.settle(
        new Settlement(
            opened.ticketId(),
            opened.sessionId(),
            "SOLVED",
            null,
            new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", ENDED_AT, true),
            CsatStatus.SENT,
            0));

    Ticket settled = tickets.find(opened.ticketId()).orElseThrow();
    assertThat(settled.status()).isEqualTo("SOLVED");
    assertThat(settled.endedBy()).isEqualTo("AGENT");
    assertThat(settled.endReason()).isEqualTo("RESOLVED");
    assertThat(settled.endedAt()).isEqualTo(ENDED_AT);
    assertThat(settled.settledAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
    assertThat(settled.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
    assertThat(settled.createdAt()).isEqualTo(T0);

    // The retry (even one that says something else) finds the settlement done.
    clock.advance(Duration.ofMinutes(1));
    activities.settle(
        new Settlement(
            opened.ticketId(),
            opened.sessionId(),
            "CLOSED",
            null,
            new SessionEnd(EndedBy.END_USER, null, "LEFT", ENDED_AT.plusSeconds(1), false),
            CsatStatus.SKIPPED,
            0));

    assertThat(tickets.find(opened.ticketId())).contains(settled);
    List<TicketAuditEntry> audit = tickets.audit(opened.ticketId());
    assertThat(audit).extracting(TicketAuditEntry::kind).containsExactly("OPENED", "SETTLED");
    assertThat(audit.getLast().sessionId()).isEqualTo(opened.sessionId());
    assertThat(audit.getLast().detail())
        .isEqualTo("session ended by AGENT (agent-1), reason RESOLVED; status SOLVED; CSAT SENT");
    assertThat(audit.getLast().at()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
    // The end record names who ended it, not only the role.
    assertThat(settled.endedBy()).isEqualTo("AGENT");
    assertThat(settled.endedById()).isEqualTo("agent-1");
  }

  @Test
  void aRepeatedSettlementAnswersTheFirstOutcome() {
    // The commit of the first attempt went through but its completion was lost: the retry must
    // answer what changed then, or the session-end triggers are skipped without a trace.
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");
    Settlement settlement =
        new Settlement(
            opened.ticketId(),
            opened.sessionId(),
            "SOLVED",
            "tier-2",
            new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", ENDED_AT, true),
            CsatStatus.SENT,
            0);

    SettleOutcome first = activities.settle(settlement);
    SettleOutcome repeat = activities.settle(settlement);

    assertThat(first.before()).isNotNull();
    assertThat(first.before().status()).isEqualTo("OPEN");
    assertThat(first.after().status()).isEqualTo("SOLVED");
    assertThat(repeat).isEqualTo(first);
  }

  @Test
  void concurrentSettlementsSettleOnce() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");

    Concurrently.run(
        5,
        i -> {
          activities.settle(
              new Settlement(
                  opened.ticketId(),
                  opened.sessionId(),
                  "STATUS_" + i,
                  null,
                  new SessionEnd(EndedBy.SYSTEM, null, "INACTIVE", ENDED_AT, false),
                  CsatStatus.NOT_SENT,
                  0));
          return null;
        });

    List<TicketAuditEntry> settledRows =
        tickets.audit(opened.ticketId()).stream().filter(e -> e.kind().equals("SETTLED")).toList();
    assertThat(settledRows).hasSize(1);
    // The ticket carries the settlement that won, no other.
    String status = tickets.find(opened.ticketId()).orElseThrow().status();
    assertThat(settledRows.getFirst().detail()).endsWith("; status " + status + "; CSAT NOT_SENT");
  }

  @Test
  void anUnknownTicketIsANonRetryableFailure() {
    assertThatThrownBy(
            () ->
                activities.settle(
                    new Settlement(
                        "999999",
                        "some-session",
                        "SOLVED",
                        null,
                        new SessionEnd(EndedBy.AGENT, "agent-1", "RESOLVED", ENDED_AT, false),
                        CsatStatus.NOT_SENT,
                        0)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("UnknownTicket");
              assertThat(failure.isNonRetryable()).isTrue();
            });
    assertThat(count("ticket_audit")).isZero();
  }

  @Test
  void ticketIdsAreIncreasingNumbers() {
    List<Long> ids =
        List.of("conv-1", "conv-2", "conv-3").stream()
            .map(c -> Long.parseLong(endUserSays(c, "m-1", "hi").ticketId()))
            .toList();

    assertThat(ids).allMatch(id -> id >= 1001).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aCsatRatingIsRecordedOnTheTicketAndAuditedOnce() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");

    tickets.recordCsatRating(opened.ticketId(), opened.sessionId(), 5);

    assertThat(tickets.find(opened.ticketId()).orElseThrow().csatRating()).isEqualTo(5);
    assertThat(tickets.audit(opened.ticketId()))
        .extracting(TicketAuditEntry::kind, TicketAuditEntry::detail)
        .containsExactly(
            tuple(
                "OPENED",
                "messaging session "
                    + opened.sessionId()
                    + " opened by end user user-of-conv-1 via channel web-chat"),
            tuple("CSAT_ANSWERED", "rated 5 by end user user-of-conv-1"));
  }

  @Test
  void anUnknownTicketIsNotFound() {
    assertThat(tickets.find("123456")).isEmpty();
    assertThat(tickets.audit("123456")).isEmpty();
  }
}
