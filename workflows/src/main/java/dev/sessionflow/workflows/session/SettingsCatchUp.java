package dev.sessionflow.workflows.session;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/**
 * Which settings version a session holds, and how it keeps up ({@link
 * VersionMarkers#VERSIONED_SETTINGS}): a broadcast applies only when it is newer than the held
 * version, so a late, stale one never undoes a newer one; a message or an end names the current
 * version, and a session that missed a broadcast fetches the current settings then.
 */
final class SettingsCatchUp {
  private final SettingsActivities settings =
      Workflow.newLocalActivityStub(SettingsActivities.class, ActivityPolicies.SETTINGS);

  private long held;

  /** The newest version an event named; above {@link #held} the session is behind. */
  private long announced;

  /** The newest version the store refused a warning or an auto-close for (not carried). */
  private long refusedFor;

  SettingsCatchUp(long held, long announced) {
    this.held = held;
    this.announced = announced;
  }

  long held() {
    return held;
  }

  /**
   * Whether a broadcast should apply (before the change: every one did). An unversioned one (from a
   * replica of older code, during an upgrade) applies as it always did.
   */
  boolean accepts(SessionSettings broadcast) {
    return broadcast.version() > held
        || broadcast.version() == 0
        || !VersionMarkers.VERSIONED_SETTINGS.adopted();
  }

  void applied(SessionSettings settings) {
    held = Math.max(held, settings.version());
  }

  /** An event named the current version (null from callers that do not say). */
  void announced(Long version) {
    if (version != null && version > announced) {
      announced = version;
    }
  }

  long announced() {
    return announced;
  }

  /** The store refused to act under the held settings: it holds {@code version}. */
  void storeHolds(long version) {
    announced(version);
    refusedFor = Math.max(refusedFor, version);
  }

  /**
   * The version a warning or an auto-close asks the store to check: the held one, or null (act
   * under any settings) once the store refused for a version the session could not fetch; else a
   * store that answers the version but not the settings would refuse it for ever.
   */
  Long versionToCheck() {
    return held >= refusedFor ? held : null;
  }

  boolean behind() {
    return announced > held;
  }

  /**
   * The current settings when the store holds newer ones than the held, else null (also when the
   * store is down: the held settings stay in place).
   */
  SessionSettings fetchIfNewer() {
    try {
      SessionSettings current = settings.currentSettings();
      return current != null && current.version() > held ? current : null;
    } catch (ActivityFailure storeDown) {
      Workflow.getLogger(SettingsCatchUp.class)
          .warn("could not read the current settings: {}", storeDown.getMessage());
      return null;
    }
  }

  /**
   * The current settings when an event said they are newer than the held ones, else null. The store
   * being down leaves the held settings in place until the next event asks again.
   */
  SessionSettings fetchIfBehind() {
    if (!behind()) {
      return null;
    }
    announced = held; // asked once per announcement; a later event asks again
    if (!VersionMarkers.VERSIONED_SETTINGS.adopted()) {
      return null;
    }
    return fetchIfNewer();
  }
}
