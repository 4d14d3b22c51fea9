package dev.sessionflow.activities.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.sessionflow.activities.Concurrently;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AgentMessageOutcome.Result;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.SettingsChange;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.tickets.Ticket;
import dev.sessionflow.activities.tickets.TicketAuditEntry;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.SystemMessage;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationStoreTest extends StoreTestBase {
  @Autowired SessionStore sessions;
  @Autowired TicketStore tickets;
  @Autowired ConversationActivitiesImpl conversationActivities;
  @Autowired SettingsStore settingsStore;
  @Autowired ConversationChannels channels;

  private void closeWithReopenWindow(AcceptedMessage opened, Duration window) {
    closes.close(closingWithReopenWindow(opened, window));
  }

  @Test
  void theLatestMessagesAreTheLastInOrderAndNoneForAnUnknownConversation() {
    for (int i = 1; i <= 5; i++) {
      endUserSays("conv-latest", "m-" + i, "Message " + i);
    }
    endUserSays("conv-other", "m-1", "Elsewhere");

    assertThat(messages.latest("conv-latest", 3))
        .extracting(StoredMessage::messageId)
        .containsExactly("m-3", "m-4", "m-5");
    assertThat(messages.latest("conv-latest", 10)).hasSize(5);
    assertThat(messages.latest("conv-unknown", 3)).isEmpty();
  }

  @Test
  void aMessageWithinTheReopenWindowReopensTheSessionAndTicket() {
    AcceptedMessage opened = endUserSays("conv-r", "m-1", "Hi");
    closeWithReopenWindow(opened, Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(9));

    AcceptedMessage again = endUserSays("conv-r", "m-2", "One more thing");

    assertThat(again.reopened()).isTrue();
    assertThat(again.newSession()).isFalse();
    assertThat(again.sessionId()).isEqualTo(opened.sessionId());
    assertThat(sessions.find(opened.sessionId()).orElseThrow().status()).isEqualTo("ACTIVE");
    assertThat(tickets.find(opened.ticketId()).orElseThrow().status()).isEqualTo("OPEN");
    assertThat(tickets.audit(opened.ticketId()))
        .filteredOn(e -> e.kind().equals("REOPENED-1"))
        .singleElement()
        .extracting(TicketAuditEntry::detail)
        .isEqualTo("end user user-of-conv-r via channel web-chat wrote again within the window");
  }

  @Test
  void aLateRetryOfTheFirstCloseCannotEndTheReopenedSession() {
    AcceptedMessage opened = endUserSays("conv-r3", "m-1", "Hi");
    closeWithReopenWindow(opened, Duration.ofMinutes(10));
    endUserSays("conv-r3", "m-2", "Wait, one more thing");

    closeWithReopenWindow(opened, Duration.ofMinutes(10)); // round 0 again: a stale retry

    assertThat(sessions.find(opened.sessionId()).orElseThrow().status()).isEqualTo("ACTIVE");
    assertThat(tickets.reopenedAfter(opened.ticketId(), opened.sessionId(), 0)).isTrue();
    assertThat(endUserSays("conv-r3", "m-3", "Still here").sessionId())
        .isEqualTo(opened.sessionId());
  }

  @Test
  void aMessageAfterTheReopenWindowOpensANewSession() {
    AcceptedMessage opened = endUserSays("conv-r2", "m-1", "Hi");
    closeWithReopenWindow(opened, Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(11));

    AcceptedMessage again = endUserSays("conv-r2", "m-2", "Hello again");

    assertThat(again.reopened()).isFalse();
    assertThat(again.newSession()).isTrue();
    assertThat(again.ticketId()).isNotEqualTo(opened.ticketId());
  }

  @Test
  void tenConcurrentFirstMessagesOpenOneSessionWithOneTicket() {
    List<AcceptedMessage> accepted =
        Concurrently.run(10, i -> endUserSays("conv-1", "m-" + i, "hello " + i));

    assertThat(accepted).extracting(AcceptedMessage::sessionId).containsOnly(sessionOf(accepted));
    assertThat(accepted.stream().map(AcceptedMessage::ticketId).distinct()).hasSize(1);
    assertThat(accepted).filteredOn(AcceptedMessage::newSession).hasSize(1);
    assertThat(accepted).noneMatch(AcceptedMessage::duplicate);
    assertThat(count("sessions")).isEqualTo(1);
    assertThat(count("tickets")).isEqualTo(1);
    assertThat(count("messages")).isEqualTo(10);

    List<StoredMessage> transcript = transcript("conv-1");
    assertThat(transcript)
        .extracting(StoredMessage::messageId)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 10).mapToObj(i -> "m-" + i).toList());
    assertThat(transcript)
        .allSatisfy(
            m -> {
              assertThat(m.sessionId()).isEqualTo(sessionOf(accepted));
              assertThat(m.author()).isEqualTo("END_USER");
              assertThat(m.text()).isEqualTo("hello " + m.messageId().substring(2));
            });
    // The message that opened the session comes first.
    AcceptedMessage opener =
        accepted.stream().filter(AcceptedMessage::newSession).findFirst().orElseThrow();
    assertThat(transcript.getFirst().messageId()).isEqualTo("m-" + accepted.indexOf(opener));

    SessionRecord session = sessions.find(sessionOf(accepted)).orElseThrow();
    assertThat(session.status()).isEqualTo("ACTIVE");
    assertThat(session.conversationId()).isEqualTo("conv-1");
    assertThat(session.endUserId()).isEqualTo("user-of-conv-1");
    assertThat(session.ticketId()).isEqualTo(opener.ticketId());
    assertThat(session.openedAt()).isEqualTo(T0);

    Ticket ticket = tickets.find(opener.ticketId()).orElseThrow();
    assertThat(ticket.status()).isEqualTo("OPEN");
    assertThat(ticket.sessionId()).isEqualTo(session.sessionId());
    assertThat(ticket.conversationId()).isEqualTo("conv-1");
    assertThat(ticket.requesterId()).isEqualTo("user-of-conv-1");
    assertThat(tickets.audit(ticket.ticketId()))
        .extracting(TicketAuditEntry::kind)
        .containsExactly("OPENED");
  }

  @Test
  void tenConcurrentMessagesAfterACloseOpenOneNewSession() {
    // For a new conversation the insert of its row already makes the first messages wait for
    // each other; here the row exists and is released, and only its lock keeps the ten apart
    // (without it, PostgreSQL opens several sessions).
    AcceptedMessage first = endUserSays("conv-1", "m-first", "hello");
    closes.close(closing(first, 1, "Bye."));

    List<AcceptedMessage> accepted =
        Concurrently.run(10, i -> endUserSays("conv-1", "m-" + i, "back again " + i));

    assertThat(accepted).filteredOn(AcceptedMessage::newSession).hasSize(1);
    assertThat(accepted).extracting(AcceptedMessage::sessionId).containsOnly(sessionOf(accepted));
    assertThat(sessionOf(accepted)).isNotEqualTo(first.sessionId());
    // Those that waited for the lock answer the ticket the winner opened too.
    assertThat(accepted)
        .extracting(AcceptedMessage::ticketId)
        .containsOnly(sessions.find(sessionOf(accepted)).orElseThrow().ticketId());
    assertThat(count("sessions")).isEqualTo(2);
    assertThat(count("tickets")).isEqualTo(2);
    assertThat(transcript("conv-1")).hasSize(12);
  }

  @Test
  void messagesToSeveralConversationsAtOnceOpenOneSessionEach() {
    // More threads than pooled connections: some wait for a connection, none fails.
    List<AcceptedMessage> accepted =
        Concurrently.run(24, i -> endUserSays("conv-" + (i % 4), "m-" + i, "hello " + i));

    assertThat(accepted).filteredOn(AcceptedMessage::newSession).hasSize(4);
    assertThat(accepted.stream().map(AcceptedMessage::sessionId).distinct()).hasSize(4);
    assertThat(accepted.stream().map(AcceptedMessage::ticketId).distinct()).hasSize(4);
    for (int c = 0; c < 4; c++) {
      String conversation = "conv-" + c;
      List<StoredMessage> transcript = transcript(conversation);
      assertThat(transcript).hasSize(6);
      assertThat(transcript.stream().map(StoredMessage::sessionId).distinct()).hasSize(1);
    }
    assertThat(count("sessions")).isEqualTo(4);
    assertThat(count("tickets")).isEqualTo(4);
  }

  @Test
  void tenConcurrentCopiesOfOneMessageAreStoredOnce() {
    List<AcceptedMessage> accepted = Concurrently.run(10, i -> endUserSays("conv-1", "m-1", "hi"));

    assertThat(accepted).extracting(AcceptedMessage::sessionId).containsOnly(sessionOf(accepted));
    assertThat(accepted).allMatch(AcceptedMessage::newSession);
    assertThat(accepted).filteredOn(a -> !a.duplicate()).hasSize(1);
    assertThat(count("messages")).isEqualTo(1);
    assertThat(count("sessions")).isEqualTo(1);
    assertThat(count("tickets")).isEqualTo(1);
  }

  @Test
  void aRepeatedMessageIdIsStoredOnceAndAnsweredAsTheFirstTime() {
    AcceptedMessage first = endUserSays("conv-1", "m-1", "hello");
    clock.advance(Duration.ofSeconds(5));
    AcceptedMessage firstAgain = endUserSays("conv-1", "m-1", "hello (retried)");
    AcceptedMessage second = endUserSays("conv-1", "m-2", "anyone?");
    AcceptedMessage secondAgain = endUserSays("conv-1", "m-2", "anyone?");

    assertThat(first.newSession()).isTrue();
    assertThat(first.duplicate()).isFalse();
    assertThat(firstAgain)
        .isEqualTo(
            new AcceptedMessage(
                first.sessionId(),
                first.ticketId(),
                true,
                true,
                "conv-1",
                "user-of-conv-1",
                "End User",
                false,
                first.sequence(),
                first.storedAt(),
                first.settingsVersion()));
    assertThat(second.newSession()).isFalse();
    assertThat(second.duplicate()).isFalse();
    assertThat(second.sessionId()).isEqualTo(first.sessionId());
    assertThat(secondAgain.newSession()).isFalse();
    assertThat(secondAgain.duplicate()).isTrue();
    assertThat(secondAgain.ticketId()).isEqualTo(first.ticketId());

    assertThat(transcript("conv-1"))
        .extracting(StoredMessage::messageId, StoredMessage::text, StoredMessage::at)
        .containsExactly(tuple("m-1", "hello", T0), tuple("m-2", "anyone?", T0.plusSeconds(5)));
  }

  @Test
  void aRepeatAfterItsSessionEndedIsAnsweredWithItsOwnSession() {
    AcceptedMessage first = endUserSays("conv-1", "m-1", "hello");
    closes.close(closing(first, 1, "Bye."));
    AcceptedMessage next = endUserSays("conv-1", "m-2", "me again");

    AcceptedMessage firstAgain = endUserSays("conv-1", "m-1", "hello");

    assertThat(next.newSession()).isTrue();
    assertThat(next.sessionId()).isNotEqualTo(first.sessionId());
    assertThat(firstAgain.duplicate()).isTrue();
    assertThat(firstAgain.newSession()).isTrue();
    assertThat(firstAgain.sessionId()).isEqualTo(first.sessionId());
    assertThat(firstAgain.ticketId()).isEqualTo(first.ticketId());
    assertThat(count("messages")).isEqualTo(3); // m-1, the notice, m-2
  }

  @Test
  void endUserAgentAndSystemMayUseTheSameMessageId() {
    AcceptedMessage opened = endUserSays("conv-1", "same-id", "hello");
    AgentMessageOutcome agent =
        conversations.acceptAgentMessage(opened.sessionId(), "same-id", "agent-1", "hi there");
    conversationActivities.postSystemMessage(
        new SystemMessage("conv-1", opened.sessionId(), "same-id", "INFO", "note"));

    assertThat(agent.result()).isEqualTo(Result.STORED);
    assertThat(transcript("conv-1"))
        .extracting(StoredMessage::author)
        .containsExactly("END_USER", "AGENT", "SYSTEM");
  }

  @Test
  void theFirstChannelToWriteKeepsTheConversationWhetherRememberedOrRead() {
    assertThat(channels.claim("conv-c", "channel-a")).isEqualTo("channel-a");
    assertThat(channels.claim("conv-c", "channel-b")).isEqualTo("channel-a");
    assertThat(channels.owner("conv-c")).contains("channel-a");

    // Another replica, which has not seen the claim, reads it from the store and keeps it too.
    ConversationChannels otherReplica = new ConversationChannels(jdbc);
    assertThat(otherReplica.claim("conv-c", "channel-b")).isEqualTo("channel-a");
    assertThat(otherReplica.owner("conv-c")).contains("channel-a");
    assertThat(otherReplica.owner("conv-unknown")).isEmpty();
    assertThat(otherReplica.claim("conv-unknown", "channel-b")).isEqualTo("channel-b");
    assertThat(channels.claim("conv-unknown", "channel-a")).isEqualTo("channel-b");
  }

  @Test
  void acceptingAMessageAnswersItsStoredSequenceAndTimeAlsoForARepeat() {
    AcceptedMessage first = endUserSays("conv-s", "m-1", "hello");
    clock.advance(Duration.ofSeconds(3));
    AgentMessageOutcome reply =
        conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "hi");
    clock.advance(Duration.ofSeconds(3));
    AgentMessageOutcome replyAgain =
        conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "hi");
    AcceptedMessage firstAgain = endUserSays("conv-s", "m-1", "hello");

    List<StoredMessage> stored = transcript("conv-s");
    assertThat(first.sequence()).isEqualTo(stored.get(0).seq());
    assertThat(first.storedAt()).isEqualTo(stored.get(0).at());
    assertThat(reply.sequence()).isEqualTo(stored.get(1).seq()).isGreaterThan(first.sequence());
    assertThat(reply.storedAt()).isEqualTo(stored.get(1).at());
    assertThat(replyAgain.sequence()).isEqualTo(reply.sequence());
    assertThat(replyAgain.storedAt()).isEqualTo(reply.storedAt());
    assertThat(firstAgain.sequence()).isEqualTo(first.sequence());
    assertThat(firstAgain.storedAt()).isEqualTo(first.storedAt());
  }

  @Test
  void conversationsAreSeparate() {
    AcceptedMessage a = endUserSays("conv-a", "m-1", "from a");
    AcceptedMessage b = endUserSays("conv-b", "m-1", "from b");

    assertThat(a.newSession()).isTrue();
    assertThat(b.newSession()).isTrue();
    assertThat(a.sessionId()).isNotEqualTo(b.sessionId());
    assertThat(a.ticketId()).isNotEqualTo(b.ticketId());
    assertThat(transcript("conv-a")).extracting(StoredMessage::text).containsExactly("from a");
    assertThat(transcript("conv-b")).extracting(StoredMessage::text).containsExactly("from b");
  }

  @Test
  void agentMessagesGoToSessionsThatHaveNotEnded() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");

    assertThat(conversations.acceptAgentMessage("no-such-session", "a-1", "agent-1", "hi"))
        .isEqualTo(new AgentMessageOutcome(Result.NO_SUCH_SESSION, null));

    AgentMessageOutcome stored =
        conversations.acceptAgentMessage(opened.sessionId(), "a-1", "agent-1", "hi, Ada here");
    assertThat(stored.result()).isEqualTo(Result.STORED);
    assertThat(stored.session().sessionId()).isEqualTo(opened.sessionId());
    assertThat(sessions.find(opened.sessionId()).orElseThrow().assignedAgentId())
        .isEqualTo("agent-1");

    // The first agent to reply stays the assignee.
    assertThat(
            conversations
                .acceptAgentMessage(opened.sessionId(), "a-2", "agent-2", "Bob here too")
                .result())
        .isEqualTo(Result.STORED);
    assertThat(sessions.find(opened.sessionId()).orElseThrow().assignedAgentId())
        .isEqualTo("agent-1");

    assertThat(
            conversations
                .acceptAgentMessage(opened.sessionId(), "a-1", "agent-1", "hi, Ada here")
                .result())
        .isEqualTo(Result.DUPLICATE);

    closes.close(closing(opened, 1, "Bye."));
    AgentMessageOutcome late =
        conversations.acceptAgentMessage(opened.sessionId(), "a-3", "agent-1", "one more thing");
    assertThat(late.result()).isEqualTo(Result.SESSION_ENDED);
    assertThat(late.session().ended()).isTrue();
    // A retry of a message stored before the end is still a duplicate, not a rejection.
    assertThat(
            conversations
                .acceptAgentMessage(opened.sessionId(), "a-2", "agent-2", "Bob here too")
                .result())
        .isEqualTo(Result.DUPLICATE);

    assertThat(transcript("conv-1"))
        .extracting(StoredMessage::messageId, StoredMessage::author, StoredMessage::agentId)
        .containsExactly(
            tuple("m-1", "END_USER", null),
            tuple("a-1", "AGENT", "agent-1"),
            tuple("a-2", "AGENT", "agent-2"),
            tuple(opened.sessionId() + "-ended", "SYSTEM", null));
  }

  @Test
  void aSystemMessageIsPostedOnce() {
    AcceptedMessage opened = endUserSays("conv-1", "m-1", "hello");
    SystemMessage warning =
        new SystemMessage(
            "conv-1",
            opened.sessionId(),
            opened.sessionId() + "-warn-1",
            "WARNING",
            "Still there?");

    conversationActivities.postSystemMessage(warning);
    clock.advance(Duration.ofMinutes(1));
    conversationActivities.postSystemMessage(warning);

    assertThat(transcript("conv-1"))
        .filteredOn(m -> m.author().equals("SYSTEM"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.kind()).isEqualTo("WARNING");
              assertThat(m.text()).isEqualTo("Still there?");
              assertThat(m.sessionId()).isEqualTo(opened.sessionId());
              assertThat(m.at()).isEqualTo(T0);
            });
  }

  @Test
  void aWarningDecidedUnderOlderSettingsIsNotPostedAndNamesTheNewerVersion() {
    AcceptedMessage opened = endUserSays("conv-w", "m-1", "hello");
    long decidedUnder = settingsStore.current().version();
    long newer =
        settingsStore
            .update(
                new SettingsChange(
                    null,
                    null,
                    null,
                    null,
                    "Are you there?",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .version();
    SystemMessage warning =
        new SystemMessage(
            "conv-w", opened.sessionId(), opened.sessionId() + "-warn-1", "WARNING", "Still?");

    assertThat(conversationActivities.postWarning(warning, decidedUnder)).isEqualTo(newer);
    assertThat(transcript("conv-w")).noneMatch(m -> m.author().equals("SYSTEM"));

    assertThat(conversationActivities.postWarning(warning, newer)).isNull();
    assertThat(conversationActivities.postWarning(warning, null)).isNull(); // a repeat: once
    assertThat(transcript("conv-w")).filteredOn(m -> m.author().equals("SYSTEM")).hasSize(1);
  }

  @Test
  void theTranscriptOfAnUnknownConversationIsEmpty() {
    assertThat(messages.transcript("nobody")).isEmpty();
  }

  @Test
  void theLongestTextIsStoredWhole() {
    String text = "é".repeat(16384);

    endUserSays("conv-1", "m-1", text);

    assertThat(transcript("conv-1").getFirst().text()).isEqualTo(text);
  }

  private static String sessionOf(List<AcceptedMessage> accepted) {
    return accepted.getFirst().sessionId();
  }

  @Test
  void aTranscriptPageHoldsOnlyTheSessionsAskedFor() {
    AcceptedMessage first = endUserSays("conv-pages", "m-1", "first session");
    conversations.acceptAgentMessage(first.sessionId(), "a-1", "agent-1", "answered");
    AcceptedMessage also = endUserSays("conv-pages", "m-2", "still the first session");

    assertThat(messages.transcript("conv-pages", 0, 10, null).orElseThrow()).hasSize(3);
    assertThat(messages.transcript("conv-pages", 0, 10, List.of(also.sessionId())).orElseThrow())
        .extracting(StoredMessage::sessionId)
        .containsOnly(first.sessionId());
    assertThat(messages.transcript("conv-pages", 0, 10, List.of("s-other")).orElseThrow())
        .isEmpty();
    assertThat(messages.transcript("conv-pages", 0, 10, List.of()).orElseThrow()).isEmpty();
    assertThat(messages.transcript("conv-unknown", 0, 10, List.of("s-other"))).isEmpty();
  }
}
