package dev.sessionflow.workflows.session;

import dev.sessionflow.workflows.hours.OpenHours;
import java.time.Duration;

/**
 * The inactivity settings a session runs with.
 *
 * @param inactiveAfter no message from either side for this long: INACTIVE
 * @param autoCloseAfter no end-user reply for this long while the agent wrote last: auto-close;
 *     null turns auto-close off
 * @param warnBeforeClose how long before the auto-close the warning goes out; null: no warning
 * @param warningText what the warning says to the end user
 * @param endedNoticeText what the end user is told once the session has ended
 * @param businessHours the open hours the three durations count in; null (every history before
 *     business hours): they count calendar time
 */
public record SessionTimers(
    Duration inactiveAfter,
    Duration autoCloseAfter,
    Duration warnBeforeClose,
    String warningText,
    String endedNoticeText,
    OpenHours businessHours) {

  public SessionTimers(
      Duration inactiveAfter,
      Duration autoCloseAfter,
      Duration warnBeforeClose,
      String warningText,
      String endedNoticeText) {
    this(inactiveAfter, autoCloseAfter, warnBeforeClose, warningText, endedNoticeText, null);
  }

  /** The moment {@code duration} of counted time has passed since {@code fromMillis}. */
  public long after(long fromMillis, Duration duration) {
    return businessHours == null
        ? fromMillis + duration.toMillis()
        : businessHours.after(fromMillis, duration);
  }
}
