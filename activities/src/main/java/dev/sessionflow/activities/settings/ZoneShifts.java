package dev.sessionflow.activities.settings;

import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenHours;
import dev.sessionflow.workflows.hours.ZoneShift;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a schedule's time zone out as UTC offsets from this JDK's time-zone rules, for the years
 * around now: sessions carry them in their settings, so a workflow counts open time the same way on
 * every replay even after a JDK update changes a zone's rules. A session takes fresh offsets with
 * every settings version it receives.
 */
public final class ZoneShifts {
  /** Back far enough for a preview's 90 days, ahead far longer than a session stays open. */
  static final Duration BEHIND = Duration.ofDays(100);

  static final Duration AHEAD = Duration.ofDays(3 * 366);

  private ZoneShifts() {}

  public static OpenHours around(BusinessHours schedule, Instant now) {
    ZoneRules rules = ZoneId.of(schedule.timeZone()).getRules();
    Instant from = now.minus(BEHIND);
    Instant until = now.plus(AHEAD);
    List<ZoneShift> shifts = new ArrayList<>();
    shifts.add(new ZoneShift(from.getEpochSecond(), rules.getOffset(from).getTotalSeconds()));
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(until);
        t = rules.nextTransition(t.getInstant())) {
      shifts.add(new ZoneShift(t.toEpochSecond(), t.getOffsetAfter().getTotalSeconds()));
    }
    return new OpenHours(schedule, shifts);
  }
}
