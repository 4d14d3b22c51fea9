package dev.sessionflow.workflows.session;

import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Every {@code Workflow.getVersion} marker of the session workflow, in one place, with the recorded
 * histories (in {@code workflows/src/test/resources/histories}) that replay each branch in CI.
 * {@code SessionHistoryReplayTest} checks that each new-branch history carries its marker. The
 * workflow asks a marker through {@link #version()}, so its change id and highest version live here
 * only.
 */
public enum VersionMarkers {
  /**
   * Version 1: an end Update is durably accepted before its side effects, by a 1 ms timer (before
   * it: *-v0). Version 2: by closing through a regular activity, which the server schedules in the
   * same step that accepts the Update, without the timer's wait (about a second on a dev server).
   */
  DURABLE_END(
      "durable-end",
      2,
      "an end Update is durable before its side effects: 1 ms timer (1), close activity (2)",
      List.of("agent-end-v0", "end-user-end-v0"),
      List.of("agent-end", "agent-end-v2")),
  /** Version 1: the inactivity warning is a local activity (before it: a regular activity). */
  LOCAL_WARNING(
      "local-warning",
      1,
      "the inactivity warning is a local activity",
      List.of("auto-close"),
      List.of("auto-close-local-warning")),
  /**
   * Version 1: ends from macros and triggers (their sendCsat, escalation settles OPEN with no
   * survey) and triggers run after a settlement. Asked only where it matters, so a plain session
   * records no marker.
   */
  TICKET_AUTOMATION(
      "ticket-automation",
      1,
      "ends from macros and triggers; triggers after a settlement",
      List.of("before-ticket-automation"),
      List.of("macro-escalation", "triggers-after-settle")),
  /**
   * Version 1: before continuing as new, the run flushes the read model first, then drains the
   * handlers and decides with nothing blocking after it (before it, an end accepted during the
   * flush was carried into the next run unclosed); a run that starts ended but unclosed closes
   * itself.
   */
  CARRIED_END(
      "carried-end",
      1,
      "flush, drain, decide before continue-as-new; a run carried in ended but unclosed closes",
      List.of("before-carried-end"),
      List.of("continue-as-new", "carried-end-close")),
  /**
   * Version 1: an end that names the last message its caller saw waits (at most {@link
   * EndRequests#FOLLOW_UP_WAIT}) until the session has seen it, then decides (assignee, CSAT
   * counts). Asked only when such an end has to wait.
   */
  END_AFTER_SEEN(
      "end-after-seen",
      1,
      "an end waits until the session saw the caller's last message",
      List.of("before-end-after-seen"),
      List.of("end-after-seen")),
  /**
   * Version 1: a failing store write stops after {@link StoreRetry#QUICK_ATTEMPTS} quick attempts,
   * alerts, then retries hourly or on {@code retryStore} (before it: a durable timer for ever).
   * Asked only when a write fails: a healthy session records no marker.
   */
  BOUNDED_STORE_RETRY(
      "bounded-store-retry",
      1,
      "a failing store write stops after quick attempts, alerts, retries hourly or on retryStore",
      List.of("before-bounded-store-retry"),
      List.of("store-outage", "store-stalled")),
  /**
   * Version 1: an end Update that the first workflow task handles before the run's first line is
   * closed once, by its handler. Before it, the run took that end, still closing, for one carried
   * in unclosed ({@link #CARRIED_END}) and closed it a second time. Asked only then. Recorded on a
   * real server: the test server orders such a first task differently live and on replay.
   */
  END_BEFORE_RUN(
      "end-before-run",
      1,
      "an end handled before the run starts is closed once, by its handler",
      List.of("real-end-in-first-task"),
      List.of("real-end-before-run")),
  /**
   * Version 1: a settings broadcast applies only when it is newer than the version the session
   * holds (before it: every broadcast applied, a late stale one undoing a newer one); a message or
   * an end naming newer settings than the held ones fetches them ({@link SettingsCatchUp}). Asked
   * only when a broadcast is not newer or a fetch is due.
   */
  VERSIONED_SETTINGS(
      "versioned-settings",
      1,
      "settings apply only when newer than the held version; a message or end naming newer"
          + " settings fetches them",
      List.of("before-versioned-settings"),
      List.of("settings-versioned")),
  /** Version 1: the survey goes out through {@code InviteToSurvey} (answer: the survey id). */
  SURVEY_ID_RECEIPT(
      "survey-id-receipt",
      1,
      "the survey goes out through InviteToSurvey, whose receipt names the survey, not its token",
      List.of("agent-end-v2", "webhook-children"),
      List.of("survey-id-receipt")),
  /**
   * Version 1: a system end that wants no survey (an auto-close) closes, posts the notice and
   * settles the ticket in one local activity, in the workflow task its timer fired in (before it:
   * the close as a local activity, then the settlement as a regular activity, one more workflow
   * task). Asked only for such an end.
   */
  SYSTEM_END_IN_ONE_TASK(
      "system-end-in-one-task",
      1,
      "an auto-close without survey closes and settles in one local activity",
      List.of("auto-close-local-warning"),
      List.of("auto-close-in-one-task")),
  /**
   * Version 1: a message counts from when the store took it (its signal carries the time), so a
   * backlog of signals does not push deadlines later. Asked only for a message with its time.
   */
  STORED_MESSAGE_TIME(
      "stored-message-time",
      1,
      "a message counts from the time the store took it",
      List.of("before-stored-message-time"),
      List.of("auto-close-in-one-task")),
  /**
   * Version 1: an agent's stored message that only assigns the session writes no read model (the
   * store assigned the agent with the message); the search attributes are still upserted, so
   * Visibility finds the session by its agent (before it: a read-model local activity, one Temporal
   * Cloud action more). Asked only for such a message.
   */
  ASSIGNEE_STORED_WITH_MESSAGE(
      "assignee-stored-with-message",
      1,
      "an assignment the store took with the agent's message writes no read model",
      List.of("auto-close-in-one-task"),
      List.of("assignee-stored-with-message")),
  /**
   * Version 1: a macro's or trigger's end ({@code END_SESSION}) without survey or reopen window
   * closes, posts the notice and settles in one local activity of the task that accepts the Update,
   * which answers once the store holds both (before it: two regular activities, two workflow tasks
   * more). Asked only for such an end.
   */
  AUTOMATED_END_IN_ONE_TASK(
      "automated-end-in-one-task",
      1,
      "a macro's or trigger's end without survey or reopen window closes and settles in one local"
          + " activity",
      List.of("macro-escalation", "macro-escalation-v2"),
      List.of("automated-end-in-one-task")),
  /**
   * Version 1: an end Update in a session without reopen window closes (store ENDED, notice,
   * conversation released) in a local activity of the task that accepts it, and answers from that
   * task (before it: {@link #DURABLE_END} 2, a regular activity and a second task to answer). The
   * survey and the settlement follow as before. Asked only for such an end.
   */
  REQUESTED_END_IN_ONE_TASK(
      "requested-end-in-one-task",
      1,
      "an end Update in a session without reopen window closes in a local activity of the task"
          + " that accepts it",
      List.of("assignee-stored-with-message"),
      List.of("requested-end-in-one-task", "real-requested-end-in-one-task")),
  /**
   * Version 1: after an end that wants a survey, one activity ({@code InviteAndSettle}) sends the
   * survey and settles the ticket with its status (before it: {@code InviteToSurvey}, then {@code
   * Settle}, one activity task and one workflow task more). Asked only when a survey is due.
   */
  INVITE_AND_SETTLE(
      "invite-and-settle",
      1,
      "one activity sends the survey and settles the ticket",
      List.of("survey-id-receipt", "requested-end-in-one-task", "real-requested-end-in-one-task"),
      List.of("invite-and-settle", "real-invite-and-settle")),
  /**
   * Version 1: the store's end is the session's. A close answers the end the store holds and the
   * session adopts it: one whose task was lost after its close ran settles as stored, not as a
   * later auto-close would decide. The store refuses an auto-close while it holds messages the
   * session was not told of, which it takes as signals (before it: the session's own end, and an
   * auto-close on an end user whose message's signal was lost). Asked at every close.
   */
  STORE_DECIDES_END(
      "store-decides-end",
      1,
      "a close answers the store's end, which the session adopts; an auto-close waits on"
          + " messages the store holds",
      List.of("auto-close-in-one-task", "requested-end-in-one-task", "agent-end-v2"),
      List.of("store-decides-end-auto-close", "store-decides-end-requested")),
  /**
   * Version 1: an end waits (as {@link #END_AFTER_SEEN}) until the session has been told of as many
   * of its messages as the store held when the end was asked, not only of the highest sequence its
   * caller saw: sequences are global and signals may arrive out of order. Asked only when that
   * count is not reached.
   */
  SEEN_PER_SESSION(
      "seen-per-session",
      1,
      "an end waits until the session was told of as many of its messages as the store held",
      List.of("before-seen-per-session"),
      List.of("seen-per-session")),
  /**
   * Version 1: a message whose signal comes after a later message's (signals of one conversation
   * race each other) counts, but does not make its author the last to write (before it, an end
   * user's message overtaken by the agent's reply left the session waiting on the agent, and it
   * never auto-closed). Asked only when signals come out of order.
   */
  NEWEST_AUTHOR(
      "newest-author",
      1,
      "a message overtaken by a later one's signal does not make its author the last to write",
      List.of("seen-per-session"),
      List.of("newest-author")),
  /**
   * Version 1: settings are pulled. The warning and the auto-close name the settings version they
   * were decided under; the store refuses either while it holds newer ones, which the session
   * fetches before deciding again. Only a change that brings a deadline sooner is still broadcast.
   * Asked at every warning and auto-close.
   */
  PULLED_SETTINGS(
      "pulled-settings",
      1,
      "a warning or auto-close decided under older settings than the store's is decided again",
      List.of("auto-close-local-warning", "store-decides-end-auto-close"),
      List.of("pulled-settings")),
  /**
   * Version 1: the survey and the settlement, whose activities now give up after a day, stall the
   * session with the store-write alert when they fail for good (non-retryably, or the day ran out)
   * and wait for {@code retryStore}. Before it, a non-retryable failure failed the whole session
   * (no settlement, a FAILED workflow) and a deterministic error was retried every 10 s for ever.
   * Asked only when such a side effect fails for good.
   */
  POISON_WAITS(
      "poison-waits",
      1,
      "a side effect that failed for good stalls with the alert and waits for retryStore",
      List.of("before-poison-waits"),
      List.of("poison-waits")),
  /**
   * Version 1: a session's store write (read model, close, warning) the database refuses for good
   * ({@code StoreRefused}: a broken constraint, a value it cannot hold) stalls at once with the
   * store alert and waits for {@code retryStore} (before it: 8 tries, then hourly for ever). An
   * outage is retried as before. Asked only when a write is refused.
   */
  REFUSED_WRITE_WAITS(
      "refused-write-waits",
      1,
      "a store write the database refuses stalls at once and waits for retryStore",
      List.of("before-refused-write-waits"),
      List.of("refused-write-waits")),
  /**
   * Version 1: before the clock makes the session INACTIVE, it reads the current settings, and when
   * they are newer than its own (a longer {@code inactiveAfter} is pulled, never pushed) it applies
   * them and decides again. Before it, a session that had not acted since such a change showed
   * INACTIVE under the old timer. Asked only when the session is about to go INACTIVE.
   */
  INACTIVE_CHECKS_SETTINGS(
      "inactive-checks-settings",
      1,
      "the clock's INACTIVE is decided under the current settings",
      List.of("before-inactive-checks-settings"),
      List.of("inactive-checks-settings"));

  /** The change id passed to {@code Workflow.getVersion}, its highest version, what changed. */
  public final String changeId;

  public final int maxVersion;
  public final String change;

  /** Histories of the old branch (older code, or where it is not asked) and of the new one. */
  public final List<String> before;

  public final List<String> after;

  VersionMarkers(
      String changeId, int maxVersion, String change, List<String> before, List<String> after) {
    this.changeId = changeId;
    this.maxVersion = maxVersion;
    this.change = change;
    this.before = before;
    this.after = after;
  }

  /** This run's branch: the newest for a new run, the recorded one on replay (workflow code). */
  int version() {
    return Workflow.getVersion(changeId, Workflow.DEFAULT_VERSION, maxVersion);
  }

  /** Whether this run follows the change (any version of it). Workflow code only. */
  boolean adopted() {
    return version() >= 1;
  }
}
