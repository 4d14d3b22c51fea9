package dev.sessionflow.activities.conversations;

import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.sessions.StoredEnds;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.support.CrashPoints;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.workflows.activities.Closed;
import dev.sessionflow.workflows.activities.SessionClosing;
import dev.sessionflow.workflows.activities.StoredMessage;
import dev.sessionflow.workflows.model.SessionEnd;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The close as the store decides it: under the conversation's lock, a system end waits on the
 * messages its session missed, and any close answers the end the store then holds.
 */
@Component
public class DecidedCloses {
  /** At most this many missed messages go back in one answer; the rest come with the next. */
  static final int MISSED_PER_ANSWER = 100;

  private final ConversationLocks locks;
  private final SessionCloses closes;
  private final SessionStore sessions;
  private final Transactions tx;
  private final JdbcClient jdbc;
  private final CrashPoints crashPoints;
  private final SettingsStore settings;

  public DecidedCloses(
      ConversationLocks locks,
      SessionCloses closes,
      SessionStore sessions,
      Transactions tx,
      JdbcClient jdbc,
      CrashPoints crashPoints,
      SettingsStore settings) {
    this.settings = settings;
    this.crashPoints = crashPoints;
    this.locks = locks;
    this.closes = closes;
    this.sessions = sessions;
    this.tx = tx;
    this.jdbc = jdbc;
  }

  /**
   * Refuses a system end that missed messages or was decided under older settings than the store
   * holds, or closes and answers the end stored.
   */
  public Closed close(SessionClosing closing) {
    AtomicBoolean endedNow = new AtomicBoolean();
    Closed closed =
        tx.inTransaction(
            () -> {
              locks.lock(closing.conversationId());
              if (closing.seenSequence() != null) {
                List<StoredMessage> missed = missed(closing.sessionId(), closing.seenSequence());
                if (!missed.isEmpty()) {
                  return Closed.refused(missed);
                }
              }
              if (closing.settingsVersion() != null) {
                long stored = settings.version();
                if (stored > closing.settingsVersion()) {
                  return Closed.refusedForSettings(stored);
                }
              }
              // The lock is held throughout. An end stored by this call is this closing's own: it
              // needs no read back, which is on the wait of an agent's end.
              endedNow.set(closes.closeLocked(closing));
              return Closed.as(endedNow.get() ? closing.end() : held(closing), null);
            });
    if (endedNow.get()) {
      closes.counted(closing);
    }
    crashPoints.reached("after-close"); // committed; Temporal has not recorded it yet
    return closed;
  }

  private SessionEnd held(SessionClosing closing) {
    return sessions
        .find(closing.sessionId())
        .filter(SessionRecord::ended)
        .map(StoredEnds::of)
        .orElse(closing.end()); // reopened since: this round's late close changed nothing
  }

  private List<StoredMessage> missed(String sessionId, long seenSequence) {
    return jdbc.sql(
            """
            select message_id, author, agent_id, seq, sent_at from messages
            where session_id = :session and seq > :seen and author in ('END_USER', 'AGENT')
            order by seq limit :limit
            """)
        .param("session", sessionId)
        .param("seen", seenSequence)
        .param("limit", MISSED_PER_ANSWER)
        .query(
            (rs, row) ->
                new StoredMessage(
                    rs.getString("message_id"),
                    rs.getString("author"),
                    rs.getString("agent_id"),
                    rs.getLong("seq"),
                    Times.instant(rs, "sent_at")))
        .list();
  }
}
