package dev.sessionflow.workflows.hours;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/** Schedules for tests, their zone written out as the service writes it out for sessions. */
public final class Schedules {
  private Schedules() {}

  public static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI");

  /** 09:00 to 17:00 on weekdays in {@code zone}, closed on {@code holidays}. */
  public static OpenHours nineToFive(String zone, String... holidays) {
    return hours(zone, List.of(new OpenPeriod(WEEKDAYS, "09:00", "17:00")), holidays);
  }

  public static OpenHours hours(String zone, List<OpenPeriod> periods, String... holidays) {
    return new OpenHours(
        new BusinessHours(zone, periods, List.of(holidays)),
        shifts(ZoneId.of(zone), Instant.parse("2026-01-01T00:00:00Z")));
  }

  /** The zone's offsets for three years from {@code from}. */
  static List<ZoneShift> shifts(ZoneId zone, Instant from) {
    ZoneRules rules = zone.getRules();
    List<ZoneShift> shifts = new ArrayList<>();
    shifts.add(new ZoneShift(from.getEpochSecond(), rules.getOffset(from).getTotalSeconds()));
    Instant until = from.plusSeconds(3L * 366 * 86_400);
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(until);
        t = rules.nextTransition(t.getInstant())) {
      shifts.add(new ZoneShift(t.toEpochSecond(), t.getOffsetAfter().getTotalSeconds()));
    }
    return shifts;
  }
}
