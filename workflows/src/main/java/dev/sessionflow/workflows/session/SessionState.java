package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.model.CsatStatus;
import dev.sessionflow.workflows.model.SessionEnd;
import dev.sessionflow.workflows.model.SessionStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The state of a session that survives continue-as-new, with the pure rules that move it. Public
 * fields so it serializes as-is into the next run's input; no I/O and no clock of its own: the
 * workflow passes in {@code Workflow.currentTimeMillis()}.
 */
public class SessionState {
  /** How many message ids to remember to drop a redelivered signal. */
  static final int DEDUPE_WINDOW = 128;

  public SessionStatus status = SessionStatus.ACTIVE;
  public String assignedAgentId;
  public Author lastAuthor;
  public long lastMessageAtMillis;
  public long messageCount;
  public long agentMessages;
  public long endUserMessages;

  /** The auto-close deadline whose warning was already sent, so it is sent once per deadline. */
  public long warnedForDeadline;

  public SessionEnd end;
  public boolean closed;
  public CsatStatus csat = CsatStatus.NOT_SENT;
  public boolean settled;

  /** Bumped on every change the read model must see; the store ignores older revisions. */
  public long revision;

  /** How often the session was reopened after an end (0: never). */
  public int reopens;

  /** A survey went out in an earlier round: a session gets one survey at most. */
  public boolean surveyed;

  /** The highest store sequence number among the messages this session was told of. */
  public long lastSeenSequence;

  public Deque<String> recentMessageIds = new ArrayDeque<>();

  /**
   * Set when the run continued as new: the store had not taken the latest status or assignee yet,
   * so the next run records it first. Only a run of this code sets it, so no older history reaches
   * the branch it takes, and it needs no version marker.
   */
  public boolean readModelBehind;

  /**
   * Set when the run continued as new: the newest settings version an event named, which the next
   * run fetches if it holds older ones (0: none). As {@link #readModelBehind}, no marker.
   */
  public long settingsAnnounced;

  /** Notes a message's store sequence number, whatever the session does with the message. */
  public void saw(ChatMessage message) {
    if (message.sequence() != null && message.sequence() > lastSeenSequence) {
      lastSeenSequence = message.sequence();
    }
  }

  /** Whether the session has been told of every message up to {@code sequence} the caller saw. */
  public boolean hasSeen(Long sequence) {
    return sequence == null || lastSeenSequence >= sequence;
  }

  /** Whether the session has been told of {@code count} end-user and agent messages (null: any). */
  public boolean hasSeenMessages(Long count) {
    return count == null || endUserMessages + agentMessages >= count;
  }

  public static SessionState openedAt(long nowMillis) {
    SessionState state = new SessionState();
    state.lastMessageAtMillis = nowMillis;
    return state;
  }

  /**
   * Applies a message; answers whether the read model must be told (status or assignment moved). A
   * message seen before (redelivered signal) changes nothing.
   */
  public boolean onMessage(ChatMessage message, long nowMillis) {
    return onMessage(message, nowMillis, false);
  }

  /**
   * As {@link #onMessage(ChatMessage, long)}; an {@code overtaken} message (the session was told of
   * a later one first) counts, but leaves who wrote last as it is.
   */
  public boolean onMessage(ChatMessage message, long nowMillis, boolean overtaken) {
    String key = message.author() + ":" + message.messageId();
    if (recentMessageIds.contains(key)) {
      return false;
    }
    recentMessageIds.addLast(key);
    if (recentMessageIds.size() > DEDUPE_WINDOW) {
      recentMessageIds.removeFirst();
    }
    messageCount++;
    if (message.author() == Author.AGENT) {
      agentMessages++;
    } else if (message.author() == Author.END_USER) {
      endUserMessages++;
    }
    // A message's time may be when the store took it: one handled late never moves time back.
    lastMessageAtMillis = Math.max(lastMessageAtMillis, nowMillis);
    boolean visible = false;
    if (message.author() != Author.SYSTEM && !overtaken) {
      lastAuthor = message.author();
    }
    if (message.author() == Author.AGENT && assignedAgentId == null) {
      assignedAgentId = message.agentId();
      visible = true;
    }
    if (status == SessionStatus.INACTIVE) {
      status = SessionStatus.ACTIVE;
      visible = true;
    }
    if (visible) {
      revision++;
    }
    return visible;
  }

  /** The session waits on the end user once an agent wrote last; only then may it auto-close. */
  public boolean awaitsEndUser() {
    return lastAuthor == Author.AGENT;
  }

  /** When the session goes INACTIVE, or {@link Long#MAX_VALUE} if it cannot. */
  public long inactiveDeadline(SessionTimers timers) {
    if (status != SessionStatus.ACTIVE || timers.inactiveAfter() == null) {
      return Long.MAX_VALUE;
    }
    return timers.after(lastMessageAtMillis, timers.inactiveAfter());
  }

  /** When the session auto-closes, or {@link Long#MAX_VALUE} while it waits on the agent. */
  public long autoCloseDeadline(SessionTimers timers) {
    if (!awaitsEndUser() || timers.autoCloseAfter() == null) {
      return Long.MAX_VALUE;
    }
    return timers.after(lastMessageAtMillis, timers.autoCloseAfter());
  }

  /** When the inactivity warning is due, or {@link Long#MAX_VALUE} if none is (any more). */
  public long warningDeadline(SessionTimers timers) {
    long close = autoCloseDeadline(timers);
    if (close == Long.MAX_VALUE || timers.warnBeforeClose() == null || warnedForDeadline == close) {
      return Long.MAX_VALUE;
    }
    if (timers.businessHours() != null) {
      // The warning counts open time too: it falls the same open time before the close.
      Duration quiet = timers.autoCloseAfter().minus(timers.warnBeforeClose());
      return timers.after(lastMessageAtMillis, quiet.isNegative() ? Duration.ZERO : quiet);
    }
    return Math.max(lastMessageAtMillis, close - timers.warnBeforeClose().toMillis());
  }

  /** The earliest moment anything is due. */
  public long nextDeadline(SessionTimers timers) {
    return Math.min(
        inactiveDeadline(timers), Math.min(autoCloseDeadline(timers), warningDeadline(timers)));
  }

  /** Back to ACTIVE after an end, for a message within the reopen window. */
  public void reopen(long nowMillis) {
    surveyed = surveyed || csat == CsatStatus.SENT;
    end = null;
    closed = false;
    settled = false;
    csat = CsatStatus.NOT_SENT;
    status = SessionStatus.ACTIVE;
    warnedForDeadline = 0;
    // A message's time may be when the store took it: one handled late never moves time back.
    lastMessageAtMillis = Math.max(lastMessageAtMillis, nowMillis);
    reopens++;
    revision++;
  }

  public boolean ended() {
    return end != null;
  }

  // The intents below are the only writers of the end, the status and the revision outside this
  // class's own rules; no method here starts with get, is or set, so the JSON stays the fields.

  /** The session ends as {@code decided}; answers the status it had, for {@link #takeBackEnd}. */
  public SessionStatus endAs(SessionEnd decided) {
    SessionStatus before = status;
    end = decided;
    status = SessionStatus.ENDED;
    revision++;
    return before;
  }

  /** The store refused the end: the session goes on with the status it had, no survey decided. */
  public void takeBackEnd(SessionStatus before) {
    end = null;
    status = before;
    csat = CsatStatus.NOT_SENT;
    revision++;
  }

  /** The end the store holds replaces the one decided here (the read model shows it as stored). */
  public void adoptEnd(SessionEnd held) {
    end = held;
  }

  /** No message for the inactivity timer's length. */
  public void goInactive() {
    status = SessionStatus.INACTIVE;
    revision++;
  }

  /** The warning for this auto-close deadline went out (or, put back, did not). */
  public void warnedFor(long deadline) {
    warnedForDeadline = deadline;
  }

  /** The store closed the session: ENDED, the notice, the conversation released. */
  public void closedInStore() {
    closed = true;
  }

  /** What became of the survey: sent, skipped, or not decided yet. */
  public void surveyOutcome(CsatStatus outcome) {
    csat = outcome;
  }

  /** Whether the ticket was settled for this end. */
  public void settledTicket(boolean done) {
    settled = done;
  }
}
