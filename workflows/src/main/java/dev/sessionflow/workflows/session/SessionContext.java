package dev.sessionflow.workflows.session;

import io.temporal.workflow.Workflow;

/**
 * What the parts of one session run share: how the session started, its state, the settings in
 * force (an admin may change them while it runs), the store-retry policy and the details that the
 * Temporal Web UI shows for it.
 */
final class SessionContext {
  final SessionStart start;
  final SessionState state;
  final StoreRetry storeRetry = new StoreRetry(this::describe);
  private SessionTimers timers;
  private SessionPolicy policy;
  private final SettingsCatchUp settingsCatchUp;

  SessionContext(SessionStart start, SessionState state) {
    this.start = start;
    this.state = state;
    this.timers = start.timers();
    this.policy = start.policy();
    this.settingsCatchUp = new SettingsCatchUp(start.settingsVersion(), state.settingsAnnounced);
  }

  SessionTimers timers() {
    return timers;
  }

  SessionPolicy policy() {
    return policy;
  }

  /** The version of the settings in force (0: started before settings had versions). */
  long settingsVersion() {
    return settingsCatchUp.held();
  }

  /** A broadcast of saved settings applies from now on, unless the session holds newer ones. */
  void offer(SessionSettings settings) {
    if (settingsCatchUp.accepts(settings)) {
      apply(settings);
    }
  }

  /** A message or an end named the current settings version (null if it did not say). */
  void heardOfSettings(Long version) {
    settingsCatchUp.announced(version);
  }

  /** The store holds {@code version}, newer than the settings in force: fetch before acting. */
  void storeHoldsSettings(long version) {
    settingsCatchUp.storeHolds(version);
  }

  /** The settings version a warning or an auto-close is decided under, for the store to check. */
  Long settingsToCheck() {
    return settingsCatchUp.versionToCheck();
  }

  /** Whether an event named newer settings than those in force. */
  boolean settingsBehind() {
    return settingsCatchUp.behind();
  }

  /** Fetches and applies the current settings when an event named newer ones (blocks briefly). */
  void catchUpOnSettings() {
    SessionSettings current = settingsCatchUp.fetchIfBehind();
    if (current != null && !state.ended()) {
      apply(current);
    }
  }

  /**
   * Reads the current settings and applies them when the store holds newer ones (a local activity);
   * answers whether it did.
   */
  boolean caughtUpWithStore() {
    SessionSettings current = settingsCatchUp.fetchIfNewer();
    if (current == null || state.ended()) {
      return false;
    }
    apply(current);
    return true;
  }

  /** Settings as sent or fetched: the account's, with this session's channel's overrides. */
  private void apply(SessionSettings settings) {
    SessionSettings own = settings.forChannel(start.channel());
    timers = own.timers();
    policy = own.policy();
    settingsCatchUp.applied(settings);
  }

  /**
   * The input of the next run, carrying the state, the settings in force, and the newest settings
   * version an event named.
   */
  SessionStart nextRun() {
    state.settingsAnnounced = settingsCatchUp.announced();
    return start.with(new SessionSettings(timers, policy, settingsVersion())).carrying(state);
  }

  /** Search attributes (a command) then current details, after a change ops filter on. */
  void publish() {
    SessionAttributes.publish(state);
    describe();
  }

  /** The current details: the session at a glance, led by a stalled store write's alert. */
  void describe() {
    String details = SessionDetails.markdown(start, state);
    if (storeRetry.stalled() != null) {
      details = "**ALERT: " + storeRetry.stalled() + "** (see docs/operations.md)\n\n" + details;
    }
    Workflow.setCurrentDetails(details);
  }
}
