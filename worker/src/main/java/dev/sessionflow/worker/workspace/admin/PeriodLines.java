package dev.sessionflow.worker.workspace.admin;

import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.settings.BusinessHoursInput;
import dev.sessionflow.workflows.hours.OpenPeriod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Open periods as the admin page writes them, one per line: days (names or a range) and hours, such
 * as {@code MON-FRI 09:00-17:00} or {@code SAT 10:00-13:00}.
 */
final class PeriodLines {
  static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
  private static final Pattern LINE =
      Pattern.compile("(?i)\\s*([A-Z, -]+?)\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

  private PeriodLines() {}

  static List<BusinessHoursInput.Period> parse(String text) {
    List<String> lines = Arrays.stream(text.split("\\R")).filter(l -> !l.isBlank()).toList();
    List<BusinessHoursInput.Period> periods = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      List<String> days = m.matches() ? days(m.group(1)) : null;
      if (days == null) {
        throw ApiException.invalid(
            "businessHours.periods[" + i + "]",
            "write days and hours, as MON-FRI 09:00-17:00 (days MON to SUN)");
      }
      periods.add(new BusinessHoursInput.Period(days, m.group(2), m.group(3)));
    }
    return periods;
  }

  static String format(List<OpenPeriod> periods) {
    return periods.stream()
        .map(p -> String.join(",", p.days()) + " " + p.from() + "-" + p.to())
        .collect(Collectors.joining("\n"));
  }

  /** {@code MON-FRI}, {@code SAT,SUN} or {@code MON WED}: the days in order, or null. */
  private static List<String> days(String spec) {
    List<String> days = new ArrayList<>();
    for (String part : spec.toUpperCase().split("[ ,]+")) {
      String[] range = part.split("-", -1);
      int from = DAYS.indexOf(range[0]);
      int to = range.length == 2 ? DAYS.indexOf(range[1]) : from;
      if (range.length > 2 || from < 0 || to < from) {
        return null;
      }
      days.addAll(DAYS.subList(from, to + 1));
    }
    return days.isEmpty() ? null : days.stream().distinct().toList();
  }
}
