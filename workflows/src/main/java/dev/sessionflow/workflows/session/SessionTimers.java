package dev.sessionflow.workflows.session;

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
 */
public record SessionTimers(
    Duration inactiveAfter,
    Duration autoCloseAfter,
    Duration warnBeforeClose,
    String warningText,
    String endedNoticeText) {}
