package dev.sessionflow.workflows.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A schedule with its zone's offsets written out ({@code shifts}, sorted, covering the years around
 * the moment they were resolved), so open time is counted by arithmetic alone: the same answer on
 * every replay, whatever JDK runs it. Before the first shift the first offset holds, after the last
 * the last.
 */
public record OpenHours(BusinessHours schedule, List<ZoneShift> shifts) {
  /** How many local days a count looks ahead before it calls a deadline never. */
  static final int HORIZON_DAYS = 3 * 366;

  private static final long DAY_SECONDS = 86_400;

  public OpenHours {
    shifts = shifts == null ? List.of() : List.copyOf(shifts);
  }

  /**
   * The moment {@code open} of open time has passed since {@code fromMillis}: closed time, weekends
   * and holidays do not count. {@link Long#MAX_VALUE} if the schedule has no open time in reach.
   */
  public long after(long fromMillis, Duration open) {
    long remaining = open.toMillis();
    long t = fromMillis;
    long day = localDay(fromMillis);
    for (int i = 0; i < HORIZON_DAYS; i++, day++) {
      for (long[] stretch : openStretches(day)) {
        if (stretch[1] <= t) {
          continue;
        }
        long start = Math.max(t, stretch[0]);
        if (remaining <= stretch[1] - start) {
          return start + remaining;
        }
        remaining -= stretch[1] - start;
        t = stretch[1];
      }
    }
    return Long.MAX_VALUE;
  }

  /** Whether {@code atMillis} falls inside an open period. */
  public boolean isOpen(long atMillis) {
    long day = localDay(atMillis);
    for (long d = day - 1; d <= day; d++) {
      for (long[] stretch : openStretches(d)) {
        if (stretch[0] <= atMillis && atMillis < stretch[1]) {
          return true;
        }
      }
    }
    return false;
  }

  /** When the team next opens after {@code atMillis} ({@link Long#MAX_VALUE}: not in reach). */
  public long nextOpening(long atMillis) {
    long day = localDay(atMillis);
    for (int i = 0; i < HORIZON_DAYS; i++, day++) {
      for (long[] stretch : openStretches(day)) {
        if (stretch[0] > atMillis) {
          return stretch[0];
        }
      }
    }
    return Long.MAX_VALUE;
  }

  /** The open stretches of a local day as UTC millis {@code [start, end)}, merged and in order. */
  private List<long[]> openStretches(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    if (schedule.holidays().contains(date.toString())) {
      return List.of();
    }
    DayOfWeek weekday = date.getDayOfWeek();
    List<int[]> minutes = new ArrayList<>();
    for (OpenPeriod period : schedule.periods()) {
      if (period == null) {
        continue;
      }
      int from = OpenPeriod.minutes(period.from());
      int to = OpenPeriod.minutes(period.to());
      if (period.on(weekday) && from >= 0 && to > from) {
        minutes.add(new int[] {from, to});
      }
    }
    minutes.sort(Comparator.comparingInt(m -> m[0]));
    List<long[]> stretches = new ArrayList<>();
    long[] last = null;
    for (int[] m : minutes) {
      long start = utcMillis(epochDay * DAY_SECONDS + m[0] * 60L);
      long end = utcMillis(epochDay * DAY_SECONDS + m[1] * 60L);
      if (last != null && start <= last[1]) {
        last[1] = Math.max(last[1], end);
      } else {
        last = new long[] {start, end};
        stretches.add(last);
      }
    }
    return stretches;
  }

  /** The local date (as an epoch day) of an instant. */
  private long localDay(long atMillis) {
    long second = Math.floorDiv(atMillis, 1000);
    return Math.floorDiv(second + offsetAt(second), DAY_SECONDS);
  }

  /**
   * The instant of a local time given in seconds as if it were UTC. A local time skipped by a
   * spring-forward lands after the gap; one repeated in autumn takes its later instant.
   */
  private long utcMillis(long localSecond) {
    long guess = localSecond - offsetAt(localSecond);
    return (localSecond - offsetAt(guess)) * 1000;
  }

  private int offsetAt(long epochSecond) {
    if (shifts.isEmpty()) {
      return 0;
    }
    int low = 0;
    int high = shifts.size() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (shifts.get(mid).fromEpochSecond() <= epochSecond) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return shifts.get(low).offsetSeconds();
  }
}
