package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.conversations.MessageStore.SessionFlags;
import dev.sessionflow.activities.conversations.MessageStore.Stored;
import dev.sessionflow.activities.metrics.SessionMetrics;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.support.CrashPoints;
import dev.sessionflow.activities.support.Ids;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.tickets.TicketStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which session a message belongs to. Every write that decides it locks the conversation row first
 * ({@link ConversationLocks}), so concurrent first messages open one session, and a session's end
 * (notice + release, {@link SessionCloses}) and the next message are strictly ordered. The messages
 * themselves are the {@link MessageStore}'s.
 */
@Repository
public class ConversationStore {
  private static final SessionFlags CONTINUED = new SessionFlags(false, false);

  private final JdbcClient jdbc;
  private final Transactions tx;
  private final ConversationLocks locks;
  private final MessageStore messages;
  private final SessionStore sessions;
  private final TicketStore tickets;
  private final Clock clock;
  private final SessionMetrics metrics;
  private final MessageSignals signals;
  private final CrashPoints crashPoints;
  private final OutOfHoursNotices outOfHours;
  private final ConversationLocales locales;

  public ConversationStore(
      JdbcClient jdbc,
      Transactions tx,
      ConversationLocks locks,
      MessageStore messages,
      SessionStore sessions,
      TicketStore tickets,
      Clock clock,
      SessionMetrics metrics,
      MessageSignals signals,
      CrashPoints crashPoints,
      OutOfHoursNotices outOfHours,
      ConversationLocales locales) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.locks = locks;
    this.messages = messages;
    this.sessions = sessions;
    this.tickets = tickets;
    this.clock = clock;
    this.metrics = metrics;
    this.signals = signals;
    this.crashPoints = crashPoints;
    this.outOfHours = outOfHours;
    this.locales = locales;
  }

  /**
   * Stores an end-user message in the open session. With none open, the message reopens the last
   * session if its reopen window is still open (its ticket with it; its unanswered survey is
   * withdrawn), else opens a new session and ticket. The ticket's audit names the end user and
   * {@code relayedBy}, the channel (by principal name) that passed the message on.
   */
  public AcceptedMessage acceptEndUserMessage(
      String conversationId,
      String messageId,
      String endUserId,
      String endUserName,
      String text,
      String relayedBy) {
    return acceptEndUserMessage(
        new EndUserMessage(
            conversationId, messageId, endUserId, endUserName, text, relayedBy, null, null));
  }

  /** As above; a message that names the end user's locale makes it the conversation's. */
  public AcceptedMessage acceptEndUserMessage(EndUserMessage message) {
    AcceptedMessage accepted =
        tx.inTransaction(
            () -> awaitingSignal(outOfHours.answer(store(message), message.channel())));
    if (accepted.newSession() && !accepted.duplicate()) {
      metrics.sessionOpened();
    }
    crashPoints.reached("after-message"); // committed; its session has not been signalled
    return accepted;
  }

  /** A new message's row in the outbox of signals, in the transaction that stores it. */
  private AcceptedMessage awaitingSignal(AcceptedMessage accepted) {
    if (!accepted.duplicate()) {
      signals.pending(accepted.sequence(), accepted.sessionId());
    }
    return accepted;
  }

  /** In the transaction of {@link #acceptEndUserMessage}. */
  private AcceptedMessage store(EndUserMessage m) {
    Conversation conversation = locks.lock(m.conversationId()).orElse(null);
    // A conversation this statement creates has no message to repeat and nothing to reopen.
    boolean created = false;
    if (conversation == null) {
      created = create(m);
      conversation = locks.lock(m.conversationId()).orElseThrow();
    }
    if (m.locale() != null) {
      locales.remember(m.conversationId(), m.locale());
    }
    if (conversation.openSessionId() != null) {
      // The common case, a message to the open session: stored unless it is a repeat.
      Stored stored = messages.insert(m.into(conversation.openSessionId(), false));
      if (stored.seq() != 0) {
        return accepted(conversation, openSession(conversation), CONTINUED, false, stored);
      }
    }
    Optional<StoredMessage> seen =
        created ? Optional.empty() : messages.find(m.conversationId(), "END_USER", m.messageId());
    if (seen.isPresent()) {
      SessionRecord session = sessions.find(seen.get().sessionId()).orElseThrow();
      return accepted(
          conversation,
          new OpenSession(session.sessionId(), session.ticketId()),
          messages.sessionFlags(seen.get()),
          true,
          new Stored(seen.get().seq(), seen.get().at()));
    }
    String reopened =
        conversation.openSessionId() == null && !created ? reopenable(m.conversationId()) : null;
    if (reopened != null) {
      String ticketId = reopen(m.conversationId(), reopened, m.relayedBy());
      Stored stored = messages.insert(m.into(reopened, false));
      messages.markReopening(m.conversationId(), m.messageId());
      return accepted(
          conversation,
          new OpenSession(reopened, ticketId),
          new SessionFlags(false, true),
          false,
          stored);
    }
    boolean opening = conversation.openSessionId() == null;
    OpenSession session = opening ? openNewSession(conversation, m) : openSession(conversation);
    Stored stored = messages.insert(m.into(session.sessionId(), opening));
    return accepted(conversation, session, new SessionFlags(opening, false), false, stored);
  }

  /** Stores the conversation; false if a concurrent first message stored it first. */
  private boolean create(EndUserMessage m) {
    return jdbc.sql(
                """
                insert into conversations (conversation_id, end_user_id, end_user_name, created_at)
                values (:id, :endUser, :name, :now) on conflict do nothing
                """)
            .param("id", m.conversationId())
            .param("endUser", m.endUserId())
            .param("name", m.endUserName())
            .param("now", Times.db(clock.instant()))
            .update()
        == 1;
  }

  /** Opens a session and its ticket in the conversation, which it becomes the open session of. */
  private OpenSession openNewSession(Conversation conversation, EndUserMessage m) {
    String conversationId = conversation.conversationId();
    String sessionId = Ids.sessionId();
    String ticketId =
        tickets.open(conversationId, sessionId, conversation.endUserId(), m.relayedBy());
    sessions.open(sessionId, conversationId, ticketId, conversation.endUserId(), m.channel());
    locks.setOpenSession(conversationId, sessionId);
    return new OpenSession(sessionId, ticketId);
  }

  /** The last session, if it ended and its reopen window is still open. */
  private String reopenable(String conversationId) {
    return sessions
        .latestOf(conversationId)
        .filter(SessionRecord::ended)
        .filter(s -> s.reopenUntil() != null && !s.reopenUntil().isBefore(clock.instant()))
        .map(SessionRecord::sessionId)
        .orElse(null);
  }

  /** Reopens the session and its ticket, withdrawing its unanswered survey; answers the ticket. */
  private String reopen(String conversationId, String sessionId, String relayedBy) {
    SessionRecord session = sessions.find(sessionId).orElseThrow();
    int round =
        jdbc.sql(
                    "select count(*) from ticket_audit where ticket_id = :t and kind like 'REOPENED-%'")
                .param("t", session.ticketId())
                .query(Integer.class)
                .single()
            + 1;
    sessions.reopen(sessionId);
    tickets.reopen(session.ticketId(), sessionId, round, session.endUserId(), relayedBy);
    jdbc.sql(
            """
            update surveys set withdrawn_at = :now
            where session_id = :session and answered_at is null and withdrawn_at is null
            """)
        .param("now", Times.db(clock.instant()))
        .param("session", sessionId)
        .update();
    locks.setOpenSession(conversationId, sessionId);
    return session.ticketId();
  }

  /** Stores an agent's message in a session that has not ended. */
  public AgentMessageOutcome acceptAgentMessage(
      String sessionId, String messageId, String agentId, String text) {
    return acceptAgentMessage(sessions.find(sessionId).orElse(null), messageId, agentId, text);
  }

  /**
   * Stores an agent's message in {@code found} (as the caller read it, null if there is none): the
   * session is read again under the conversation's lock, which decides.
   */
  public AgentMessageOutcome acceptAgentMessage(
      SessionRecord found, String messageId, String agentId, String text) {
    if (found == null) {
      return new AgentMessageOutcome(AgentMessageOutcome.Result.NO_SUCH_SESSION, null);
    }
    AgentMessageOutcome outcome =
        tx.inTransaction(() -> storeAgentMessage(found, messageId, agentId, text));
    crashPoints.reached("after-message"); // committed; its session has not been signalled
    return outcome;
  }

  /** In the transaction of {@link #acceptAgentMessage}. */
  private AgentMessageOutcome storeAgentMessage(
      SessionRecord found, String messageId, String agentId, String text) {
    long settingsVersion =
        locks.lock(found.conversationId()).map(Conversation::settingsVersion).orElse(0L);
    SessionRecord session = sessions.find(found.sessionId()).orElseThrow();
    if (!session.ended()) {
      // Stored unless it is a repeat, which the insert finds without a read before it.
      Stored stored =
          messages.insert(
              NewMessage.fromAgent(
                  session.conversationId(), messageId, session.sessionId(), agentId, text));
      if (stored.seq() != 0) {
        signals.pending(stored.seq(), session.sessionId());
        if (session.assignedAgentId() == null) {
          // The read model shows the assignee at once; the session assigns the same agent.
          sessions.assignIfUnassigned(session.sessionId(), agentId);
        }
        return new AgentMessageOutcome(
            AgentMessageOutcome.Result.STORED, session, stored.seq(), stored.at(), settingsVersion);
      }
    }
    Optional<StoredMessage> seen = messages.find(session.conversationId(), "AGENT", messageId);
    if (seen.isPresent()) {
      return new AgentMessageOutcome(
          AgentMessageOutcome.Result.DUPLICATE,
          session,
          seen.get().seq(),
          seen.get().at(),
          settingsVersion);
    }
    return new AgentMessageOutcome(AgentMessageOutcome.Result.SESSION_ENDED, session);
  }

  /** The conversation's open session and its ticket (a session's ticket never changes). */
  private OpenSession openSession(Conversation c) {
    String ticketId =
        c.openTicketId() != null
            ? c.openTicketId()
            : sessions.find(c.openSessionId()).orElseThrow().ticketId();
    return new OpenSession(c.openSessionId(), ticketId);
  }

  private static AcceptedMessage accepted(
      Conversation c, OpenSession session, SessionFlags flags, boolean duplicate, Stored stored) {
    return new AcceptedMessage(
        session.sessionId(),
        session.ticketId(),
        flags.opened(),
        duplicate,
        c.conversationId(),
        c.endUserId(),
        c.endUserName(),
        flags.reopened(),
        stored.seq(),
        stored.at(),
        c.settingsVersion());
  }

  private record OpenSession(String sessionId, String ticketId) {}
}
