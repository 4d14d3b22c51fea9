package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenHours;
import java.time.Instant;

/**
 * The business-hours part of the settings.
 *
 * @param timersCount whether the inactivity timers count only open time
 * @param schedule when the team is open; null: no schedule
 * @param outOfHoursText sent once to an end user who writes while closed; null: nothing is sent
 */
public record BusinessHoursSettings(
    TimersCount timersCount, BusinessHours schedule, String outOfHoursText) {
  public static final BusinessHoursSettings NONE =
      new BusinessHoursSettings(TimersCount.CALENDAR, null, null);

  public BusinessHoursSettings {
    timersCount = timersCount == null ? TimersCount.CALENDAR : timersCount;
  }

  /** The open hours the session timers count in, written out around {@code now}; null: calendar. */
  public OpenHours timersCountIn(Instant now) {
    return timersCount == TimersCount.BUSINESS_HOURS && schedule != null
        ? ZoneShifts.around(schedule, now)
        : null;
  }

  /** The schedule written out around {@code now}, whatever the timers count; null: none. */
  public OpenHours openHours(Instant now) {
    return schedule == null ? null : ZoneShifts.around(schedule, now);
  }
}
