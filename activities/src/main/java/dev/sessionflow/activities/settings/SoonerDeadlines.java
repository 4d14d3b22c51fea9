package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.session.SessionTimers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a settings change brings some session's deadline sooner: the one kind of change that is
 * pushed to every open session. Any other change (a later deadline, a text, the CSAT policy) is
 * pulled: a session fetches the current settings at its next message or end, and the store refuses
 * a warning or an auto-close decided under older ones.
 */
final class SoonerDeadlines {
  private SoonerDeadlines() {}

  /**
   * Whether the change from {@code before} to {@code after} may bring a deadline sooner. Any change
   * to what the timers count (business hours on or off, or other hours while they count) may: new
   * hours can open earlier.
   */
  static boolean sooner(MessagingSettings before, MessagingSettings after) {
    Set<String> channels = new HashSet<>(before.channels().keySet());
    channels.addAll(after.channels().keySet());
    for (String channel : channels) {
      if (soonerForOne(before.forChannel(channel), after.forChannel(channel))) {
        return true;
      }
    }
    return soonerForOne(before, after);
  }

  /** For the sessions of one channel (or of the account's settings). */
  private static boolean soonerForOne(MessagingSettings before, MessagingSettings after) {
    BusinessHoursSettings was = before.hours();
    BusinessHoursSettings is = after.hours();
    boolean counting =
        was.timersCount() == TimersCount.BUSINESS_HOURS
            || is.timersCount() == TimersCount.BUSINESS_HOURS;
    if (was.timersCount() != is.timersCount()
        || (counting && !Objects.equals(was.schedule(), is.schedule()))) {
      return true;
    }
    return sooner(before.timers(), after.timers());
  }

  static boolean sooner(SessionTimers before, SessionTimers after) {
    return shorter(after.inactiveAfter(), before.inactiveAfter())
        || shorter(after.autoCloseAfter(), before.autoCloseAfter())
        || shorter(warningAfter(after), warningAfter(before));
  }

  /** How long after the agent's reply the warning goes out; null: never. */
  private static Duration warningAfter(SessionTimers timers) {
    if (timers.autoCloseAfter() == null || timers.warnBeforeClose() == null) {
      return null;
    }
    return timers.autoCloseAfter().minus(timers.warnBeforeClose());
  }

  /** Whether {@code after} falls due before {@code before} (null: never). */
  private static boolean shorter(Duration after, Duration before) {
    return after != null && (before == null || after.compareTo(before) < 0);
  }
}
