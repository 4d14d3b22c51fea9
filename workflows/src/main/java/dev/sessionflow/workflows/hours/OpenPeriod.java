package dev.sessionflow.workflows.hours;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A weekly stretch of open time, in the schedule's local time.
 *
 * @param days the weekdays it applies to: {@code MON}, {@code TUE}, ... {@code SUN}
 * @param from when it opens, {@code HH:mm}
 * @param to when it closes, {@code HH:mm} after {@code from}; {@code 24:00} is the end of the day
 */
public record OpenPeriod(List<String> days, String from, String to) {
  private static final List<String> NAMES =
      List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  public OpenPeriod {
    // Nulls kept, not thrown on: the settings' check names them as a bad day.
    days = days == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(days));
  }

  /** Whether it applies on {@code day}. */
  public boolean on(DayOfWeek day) {
    return days.contains(NAMES.get(day.ordinal()));
  }

  /** Whether {@code name} is one of {@code MON} .. {@code SUN}. */
  public static boolean isDay(String name) {
    return name != null && NAMES.contains(name);
  }

  /** Minutes after local midnight of {@code HH:mm} (00:00 to 24:00), or -1 if it is not one. */
  public static int minutes(String hhmm) {
    if (hhmm == null || !hhmm.matches("([01]\\d|2[0-3]):[0-5]\\d|24:00")) {
      return -1;
    }
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
  }
}
