package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.csat.Transcript;
import dev.sessionflow.activities.metrics.SessionMetrics;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.support.CrashPoints;
import dev.sessionflow.activities.support.Ids;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.SystemMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Conversations and their transcripts. Every write that decides which session a message belongs to
 * locks the conversation row first, so concurrent first messages open one session, and a session's
 * end (notice + release) and the next message are strictly ordered.
 */
@Repository
public class ConversationStore implements Transcript {
  private final JdbcClient jdbc;
  private final Transactions tx;
  private final SessionStore sessions;
  private final TicketStore tickets;
  private final Clock clock;
  private final SessionMetrics metrics;
  private final MessageSignals signals;
  private final CrashPoints crashPoints;
  private final ObjectProvider<MessagesCommitted> committed;

  public ConversationStore(
      JdbcClient jdbc,
      Transactions tx,
      SessionStore sessions,
      TicketStore tickets,
      Clock clock,
      SessionMetrics metrics,
      MessageSignals signals,
      CrashPoints crashPoints,
      ObjectProvider<MessagesCommitted> committed) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.sessions = sessions;
    this.tickets = tickets;
    this.clock = clock;
    this.metrics = metrics;
    this.signals = signals;
    this.crashPoints = crashPoints;
    this.committed = committed;
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
    AcceptedMessage accepted =
        tx.inTransaction(
            () ->
                awaitingSignal(
                    storeEndUserMessage(
                        conversationId, messageId, endUserId, endUserName, text, relayedBy)));
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
  private AcceptedMessage storeEndUserMessage(
      String conversationId,
      String messageId,
      String endUserId,
      String endUserName,
      String text,
      String relayedBy) {
    Conversation conversation = lock(conversationId).orElse(null);
    // A conversation this statement creates has no message to repeat and nothing to reopen.
    boolean created = false;
    if (conversation == null) {
      created =
          jdbc.sql(
                      """
                            insert into conversations (conversation_id, end_user_id, end_user_name,
                              created_at)
                            values (:id, :endUser, :name, :now) on conflict do nothing
                            """)
                  .param("id", conversationId)
                  .param("endUser", endUserId)
                  .param("name", endUserName)
                  .param("now", Times.db(clock.instant()))
                  .update()
              == 1;
      conversation = lock(conversationId).orElseThrow();
    }
    if (conversation.openSessionId() != null) {
      // The common case, a message to the open session: stored unless it is a repeat.
      Stored stored =
          insert(
              conversationId,
              messageId,
              conversation.openSessionId(),
              "END_USER",
              null,
              null,
              text,
              null,
              false);
      if (stored.seq() != 0) {
        return accepted(conversation, openSession(conversation), false, false, false, stored);
      }
    }
    Optional<StoredMessage> seen =
        created ? Optional.empty() : find(conversationId, "END_USER", messageId);
    if (seen.isPresent()) {
      SessionRecord session = sessions.find(seen.get().sessionId()).orElseThrow();
      SessionFlags flags = sessionFlags(seen.get());
      return accepted(
          conversation,
          session,
          flags.opened(),
          true,
          flags.reopened(),
          new Stored(seen.get().seq(), seen.get().at()));
    }
    String reopened =
        conversation.openSessionId() == null && !created ? reopenable(conversationId) : null;
    if (reopened != null) {
      reopen(conversationId, reopened, relayedBy);
      Stored stored =
          insert(conversationId, messageId, reopened, "END_USER", null, null, text, null, false);
      jdbc.sql(
              """
                    update messages set reopened_session = true
                    where conversation_id = :c and author = 'END_USER' and message_id = :m
                    """)
          .param("c", conversationId)
          .param("m", messageId)
          .update();
      return accepted(
          conversation, sessions.find(reopened).orElseThrow(), false, false, true, stored);
    }
    boolean opening = conversation.openSessionId() == null;
    OpenSession session =
        opening ? openNewSession(conversation, relayedBy) : openSession(conversation);
    Stored stored =
        insert(
            conversationId,
            messageId,
            session.sessionId(),
            "END_USER",
            null,
            null,
            text,
            null,
            opening);
    return accepted(conversation, session, opening, false, false, stored);
  }

  /** Opens a session and its ticket in the conversation, which it becomes the open session of. */
  private OpenSession openNewSession(Conversation conversation, String relayedBy) {
    String conversationId = conversation.conversationId();
    String sessionId = Ids.sessionId();
    String ticketId = tickets.open(conversationId, sessionId, conversation.endUserId(), relayedBy);
    sessions.open(sessionId, conversationId, ticketId, conversation.endUserId());
    jdbc.sql("update conversations set open_session_id = :session where conversation_id = :id")
        .param("session", sessionId)
        .param("id", conversationId)
        .update();
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

  private void reopen(String conversationId, String sessionId, String relayedBy) {
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
    jdbc.sql("update conversations set open_session_id = :session where conversation_id = :id")
        .param("session", sessionId)
        .param("id", conversationId)
        .update();
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
    AgentMessageOutcome outcome = storeAgentMessage(found, messageId, agentId, text);
    crashPoints.reached("after-message"); // committed; its session has not been signalled
    return outcome;
  }

  private AgentMessageOutcome storeAgentMessage(
      SessionRecord found, String messageId, String agentId, String text) {
    return tx.inTransaction(
        () -> {
          long settingsVersion =
              lock(found.conversationId()).map(Conversation::settingsVersion).orElse(0L);
          SessionRecord session = sessions.find(found.sessionId()).orElseThrow();
          if (!session.ended()) {
            // Stored unless it is a repeat, which the insert finds without a read before it.
            Stored stored =
                insert(
                    session.conversationId(),
                    messageId,
                    session.sessionId(),
                    "AGENT",
                    agentId,
                    null,
                    text,
                    null,
                    false);
            if (stored.seq() != 0) {
              signals.pending(stored.seq(), session.sessionId());
              if (session.assignedAgentId() == null) {
                // The read model shows the assignee at once; the session assigns the same agent.
                sessions.assignIfUnassigned(session.sessionId(), agentId);
              }
              return new AgentMessageOutcome(
                  AgentMessageOutcome.Result.STORED,
                  session,
                  stored.seq(),
                  stored.at(),
                  settingsVersion);
            }
          }
          Optional<StoredMessage> seen = find(session.conversationId(), "AGENT", messageId);
          if (seen.isPresent()) {
            return new AgentMessageOutcome(
                AgentMessageOutcome.Result.DUPLICATE,
                session,
                seen.get().seq(),
                seen.get().at(),
                settingsVersion);
          }
          return new AgentMessageOutcome(AgentMessageOutcome.Result.SESSION_ENDED, session);
        });
  }

  /**
   * A page of the transcript in order, the messages after {@code afterSeq} (0 for the first page),
   * or empty if the conversation is unknown.
   *
   * @param onlySessions the sessions whose messages the page holds; null for all
   */
  public Optional<List<StoredMessage>> transcript(
      String conversationId, long afterSeq, int limit, Collection<String> onlySessions) {
    List<StoredMessage> page =
        jdbc.sql(
                """
                select * from messages where conversation_id = :id and seq > :after
                  and (:all or session_id in (:sessions))
                order by seq limit :limit
                """)
            .param("id", conversationId)
            .param("after", afterSeq)
            .param("all", onlySessions == null)
            .param(
                "sessions",
                onlySessions == null || onlySessions.isEmpty() ? List.of("") : onlySessions)
            .param("limit", limit)
            .query(ConversationStore::map)
            .list();
    if (page.isEmpty() && !known(conversationId)) {
      return Optional.empty();
    }
    return Optional.of(page);
  }

  private boolean known(String conversationId) {
    return jdbc.sql("select count(*) from conversations where conversation_id = :id")
            .param("id", conversationId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * The conversation's latest {@code limit} messages, oldest first (none for an unknown one): what
   * a live view shows, read without the whole history however long the conversation grew.
   */
  public List<StoredMessage> latest(String conversationId, int limit) {
    return jdbc.sql(
            """
            select * from (select * from messages where conversation_id = :id
              order by seq desc limit :limit) latest order by seq
            """)
        .param("id", conversationId)
        .param("limit", limit)
        .query(ConversationStore::map)
        .list();
  }

  /** The transcript in order, or empty if the conversation is unknown. */
  public Optional<List<StoredMessage>> transcript(String conversationId) {
    boolean known =
        jdbc.sql("select count(*) from conversations where conversation_id = :id")
                .param("id", conversationId)
                .query(Long.class)
                .single()
            > 0;
    if (!known) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("select * from messages where conversation_id = :id order by seq")
            .param("id", conversationId)
            .query(ConversationStore::map)
            .list());
  }

  /**
   * Posts a SYSTEM message once per message id, naming the survey it invites to (if any; never its
   * token). Callers own the transaction.
   */
  @Override
  public void postSystemMessage(SystemMessage m, String surveyId) {
    insert(
        m.conversationId(),
        m.messageId(),
        m.sessionId(),
        "SYSTEM",
        null,
        m.kind(),
        m.text(),
        surveyId,
        false);
  }

  /**
   * Ends a session in the store: ENDED, the notice to the end user, the conversation released; all
   * or nothing, and a repeat changes nothing.
   */
  public void close(SessionClosing closing) {
    boolean ended =
        tx.inTransaction(
            () -> {
              lock(closing.conversationId());
              if (tickets.reopenedAfter(closing.sessionId(), closing.round())) {
                return false; // a late retry of a round the end user has reopened since
              }
              boolean first = sessions.markEnded(closing);
              if (!first) {
                return false; // a retried close: its first attempt told the end user already
              }
              postSystemMessage(
                  new SystemMessage(
                      closing.conversationId(),
                      closing.sessionId(),
                      closing.sessionId()
                          + "-ended"
                          + (closing.round() == 0 ? "" : "-" + closing.round()),
                      "SESSION_ENDED",
                      closing.endedNoticeText()),
                  null);
              jdbc.sql(
                      """
                  update conversations set open_session_id = null
                  where conversation_id = :id and open_session_id = :session
                  """)
                  .param("id", closing.conversationId())
                  .param("session", closing.sessionId())
                  .update();
              return first;
            });
    if (ended) {
      metrics.sessionEnded(closing.end().endedBy().name(), closing.end().reason());
    }
  }

  /**
   * Locks the conversation row and reads it, with its open session's ticket and the current
   * settings version (the message's signal carries it) in the same round trip. Neither of those two
   * rows is locked. After waiting for the lock, the row is the one just committed but the two
   * subqueries may answer as of before the wait: the settings version is then still one the
   * settings had while the message was being stored; a ticket that is missing is read again ({@link
   * #openSession}).
   */
  /** Locks the conversation row for a unit of work of this package's (the close as decided). */
  void lockConversation(String conversationId) {
    lock(conversationId);
  }

  private Optional<Conversation> lock(String conversationId) {
    return jdbc.sql(
            """
            select c.*,
              (select s.ticket_id from sessions s where s.session_id = c.open_session_id)
                as open_ticket_id,
              %s as settings_version
            from conversations c where c.conversation_id = :id for update
            """
                .formatted(SettingsStore.VERSION_QUERY))
        .param("id", conversationId)
        .query(
            (rs, row) ->
                new Conversation(
                    rs.getString("conversation_id"),
                    rs.getString("end_user_id"),
                    rs.getString("end_user_name"),
                    rs.getString("open_session_id"),
                    rs.getString("open_ticket_id"),
                    rs.getLong("settings_version")))
        .optional();
  }

  /** The conversation's open session and its ticket (a session's ticket never changes). */
  private OpenSession openSession(Conversation c) {
    String ticketId =
        c.openTicketId() != null
            ? c.openTicketId()
            : sessions.find(c.openSessionId()).orElseThrow().ticketId();
    return new OpenSession(c.openSessionId(), ticketId);
  }

  private Optional<StoredMessage> find(String conversationId, String author, String messageId) {
    return jdbc.sql(
            """
            select * from messages
            where conversation_id = :conversation and author = :author and message_id = :id
            """)
        .param("conversation", conversationId)
        .param("author", author)
        .param("id", messageId)
        .query(ConversationStore::map)
        .optional();
  }

  /** Whether a stored message opened, or reopened, its session. */
  private record SessionFlags(boolean opened, boolean reopened) {}

  /** What a stored message did to its session: a repeat of it answers alike. */
  private SessionFlags sessionFlags(StoredMessage message) {
    return jdbc.sql("select opened_session, reopened_session from messages where seq = :seq")
        .param("seq", message.seq())
        .query((rs, row) -> new SessionFlags(rs.getBoolean(1), rs.getBoolean(2)))
        .single();
  }

  /** A message as the store holds it: its sequence number and when it was stored. */
  private record Stored(long seq, Instant at) {}

  /** Inserts a message once; answers its sequence number and time (seq 0 if it was there). */
  private Stored insert(
      String conversationId,
      String messageId,
      String sessionId,
      String author,
      String agentId,
      String kind,
      String text,
      String surveyId,
      boolean openedSession) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the column holds it
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    int inserted =
        jdbc.sql(
                """
            insert into messages (conversation_id, message_id, session_id, author, agent_id, kind,
              text, survey_id, opened_session, sent_at)
            values (:conversation, :id, :session, :author, :agent, :kind, :text, :survey,
              :opened, :at)
            on conflict do nothing
            """)
            .param("conversation", conversationId)
            .param("id", messageId)
            .param("session", sessionId)
            .param("author", author)
            .param("agent", agentId)
            .param("kind", kind)
            .param("text", text)
            .param("survey", surveyId)
            .param("opened", openedSession)
            .param("at", Times.db(now))
            .update(key, "seq");
    if (inserted == 0) {
      return new Stored(0, now);
    }
    long seq = key.getKey().longValue();
    tellOnceCommitted(conversationId, seq);
    return new Stored(seq, now);
  }

  /** Tells {@link MessagesCommitted} of a new message once its transaction has committed. */
  private void tellOnceCommitted(String conversationId, long seq) {
    MessagesCommitted listener = committed.getIfAvailable();
    if (listener == null) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      listener.committed(conversationId, seq);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            listener.committed(conversationId, seq);
          }
        });
  }

  private static AcceptedMessage accepted(
      Conversation c,
      SessionRecord session,
      boolean opened,
      boolean duplicate,
      boolean reopened,
      Stored stored) {
    return accepted(
        c,
        new OpenSession(session.sessionId(), session.ticketId()),
        opened,
        duplicate,
        reopened,
        stored);
  }

  private static AcceptedMessage accepted(
      Conversation c,
      OpenSession session,
      boolean opened,
      boolean duplicate,
      boolean reopened,
      Stored stored) {
    return new AcceptedMessage(
        session.sessionId(),
        session.ticketId(),
        opened,
        duplicate,
        c.conversationId(),
        c.endUserId(),
        c.endUserName(),
        reopened,
        stored.seq(),
        stored.at(),
        c.settingsVersion());
  }

  private static StoredMessage map(ResultSet rs, int row) throws SQLException {
    return new StoredMessage(
        rs.getLong("seq"),
        rs.getString("message_id"),
        rs.getString("session_id"),
        rs.getString("author"),
        rs.getString("agent_id"),
        rs.getString("kind"),
        rs.getString("text"),
        rs.getString("survey_id"),
        Times.instant(rs, "sent_at"));
  }

  /**
   * @param openTicketId the open session's ticket, null when there is none or it was not read
   * @param settingsVersion the current settings version, 0 before the settings were first stored
   */
  private record Conversation(
      String conversationId,
      String endUserId,
      String endUserName,
      String openSessionId,
      String openTicketId,
      long settingsVersion) {}

  private record OpenSession(String sessionId, String ticketId) {}
}
