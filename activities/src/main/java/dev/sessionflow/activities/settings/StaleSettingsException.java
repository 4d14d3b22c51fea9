package dev.sessionflow.activities.settings;

/**
 * A change made against a version of the settings that is no longer the current one: someone else
 * saved in between, and applying this change would silently undo theirs.
 */
public class StaleSettingsException extends RuntimeException {
  private final long current;

  public StaleSettingsException(long expected, long current) {
    super("the settings are at version " + current + ", not " + expected);
    this.current = current;
  }

  public long current() {
    return current;
  }
}
