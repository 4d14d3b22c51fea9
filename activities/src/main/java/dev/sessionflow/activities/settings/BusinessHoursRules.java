package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.support.Limits;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenPeriod;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Whether business hours can be saved: each problem named by its field, as the API shows it. */
final class BusinessHoursRules {
  static final int MAX_PERIODS = 50;
  static final int MAX_HOLIDAYS = 400;

  private BusinessHoursRules() {}

  static void check(Map<String, String> errors, BusinessHoursSettings hours) {
    BusinessHours schedule = hours.schedule();
    if (hours.timersCount() == TimersCount.BUSINESS_HOURS
        && (schedule == null || schedule.periods().isEmpty())) {
      errors.put("businessHours", "BUSINESS_HOURS timers need business hours with a period");
    }
    String text = hours.outOfHoursText();
    if (text != null && (text.isBlank() || text.length() > Limits.SETTINGS_TEXT)) {
      errors.put("outOfHoursText", "must be 1 to " + Limits.SETTINGS_TEXT + " characters");
    }
    if (schedule != null) {
      zone(errors, schedule.timeZone());
      periods(errors, schedule.periods());
      holidays(errors, schedule.holidays());
    }
  }

  private static void zone(Map<String, String> errors, String zone) {
    try {
      if (zone == null || zone.length() > 64) {
        throw new DateTimeException("missing or too long");
      }
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      errors.put("businessHours.timeZone", "must be an IANA time zone, such as Europe/Lisbon");
    }
  }

  private static void periods(Map<String, String> errors, List<OpenPeriod> periods) {
    if (periods.size() > MAX_PERIODS) {
      errors.put("businessHours.periods", "at most " + MAX_PERIODS + " periods");
    }
    for (int i = 0; i < periods.size() && i < MAX_PERIODS; i++) {
      OpenPeriod p = periods.get(i);
      String field = "businessHours.periods[" + i + "]";
      if (p == null) {
        errors.put(field, "must be an object with days, from and to");
        continue;
      }
      if (p.days().isEmpty() || !p.days().stream().allMatch(OpenPeriod::isDay)) {
        errors.put(field + ".days", "must name one or more of MON, TUE, ... SUN");
      }
      int from = OpenPeriod.minutes(p.from());
      int to = OpenPeriod.minutes(p.to());
      if (from < 0 || from == 24 * 60) {
        errors.put(field + ".from", "must be a time of day, HH:mm (00:00 to 23:59)");
      }
      if (to < 0) {
        errors.put(field + ".to", "must be a time of day, HH:mm (00:01 to 24:00)");
      } else if (from >= 0 && to <= from) {
        errors.put(field + ".to", "must be after from");
      }
    }
  }

  private static void holidays(Map<String, String> errors, List<String> holidays) {
    if (holidays.size() > MAX_HOLIDAYS) {
      errors.put("businessHours.holidays", "at most " + MAX_HOLIDAYS + " dates");
      return;
    }
    for (int i = 0; i < holidays.size(); i++) {
      String day = holidays.get(i);
      try {
        if (day == null || !LocalDate.parse(day).toString().equals(day)) {
          throw new DateTimeException("not ISO");
        }
      } catch (DateTimeException e) {
        errors.put("businessHours.holidays[" + i + "]", "must be a date, YYYY-MM-DD");
      }
    }
  }
}
