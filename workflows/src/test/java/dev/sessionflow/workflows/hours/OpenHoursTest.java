package dev.sessionflow.workflows.hours;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting open time: weekends, holidays, several periods a day, and daylight saving. */
class OpenHoursTest {
  static final OpenHours LISBON = Schedules.nineToFive("Europe/Lisbon");

  static long at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant().toEpochMilli();
  }

  static Instant after(OpenHours hours, String from, Duration open) {
    return Instant.ofEpochMilli(hours.after(at(from), open));
  }

  @Test
  void aFridayAfternoonQuietCountsOnFromMondayMorning() {
    // 2026-12-04 is a Friday; Lisbon is on UTC in winter.
    assertThat(after(LISBON, "2026-12-04T16:50:00Z", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2026-12-07T09:20:00Z"));
  }

  @Test
  void theLastSundayOfMarchMovesMondaysOpeningAnHourEarlierInUtc() {
    // Summer time starts on Sunday 2027-03-28: Monday's 09:20 in Lisbon is 08:20 UTC.
    assertThat(after(LISBON, "2027-03-26T16:50:00Z", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2027-03-29T08:20:00Z"));
  }

  @Test
  void theLastSundayOfOctoberMovesItBack() {
    assertThat(after(LISBON, "2027-10-29T16:50:00+01:00", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2027-11-01T09:20:00Z"));
  }

  @Test
  void aHolidayIsClosedAllDay() {
    OpenHours christmas = Schedules.nineToFive("Europe/Lisbon", "2026-12-24", "2026-12-25");
    // Wednesday 23rd at 16:50: ten minutes that day, then Thursday and Friday are holidays.
    assertThat(after(christmas, "2026-12-23T16:50:00Z", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2026-12-28T09:20:00Z"));
  }

  @Test
  void aLunchBreakDoesNotCount() {
    OpenHours split =
        Schedules.hours(
            "Europe/Lisbon",
            List.of(
                new OpenPeriod(Schedules.WEEKDAYS, "09:00", "12:00"),
                new OpenPeriod(Schedules.WEEKDAYS, "13:00", "17:00")));
    assertThat(after(split, "2026-12-07T11:50:00Z", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2026-12-07T13:20:00Z"));
    assertThat(split.isOpen(at("2026-12-07T12:30:00Z"))).isFalse();
    assertThat(split.isOpen(at("2026-12-07T13:30:00Z"))).isTrue();
  }

  @Test
  void timeInsideOpenHoursCountsAsOnAClock() {
    assertThat(after(LISBON, "2026-12-07T10:00:00Z", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2026-12-07T10:30:00Z"));
  }

  @Test
  void aMessageBeforeOpeningCountsFromTheOpening() {
    assertThat(after(LISBON, "2026-12-07T03:00:00Z", Duration.ofHours(9)))
        .isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
  }

  @Test
  void aZoneAheadOfUtcCountsInItsOwnDays() {
    OpenHours tokyo = Schedules.nineToFive("Asia/Tokyo");
    // Friday 17:00 in Tokyo is 08:00 UTC; Monday 09:00 there is Monday 00:00 UTC.
    assertThat(after(tokyo, "2026-12-04T07:50:00Z", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2026-12-07T00:20:00Z"));
  }

  @Test
  void theNextOpeningSkipsTheWeekend() {
    assertThat(Instant.ofEpochMilli(LISBON.nextOpening(at("2026-12-04T18:00:00Z"))))
        .isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
    assertThat(LISBON.isOpen(at("2026-12-05T10:00:00Z"))).as("a Saturday").isFalse();
  }

  @Test
  void aScheduleWithNoOpenTimeNeverFallsDue() {
    OpenHours never =
        Schedules.hours("UTC", List.of(new OpenPeriod(List.<String>of(), "09:00", "17:00")));
    assertThat(never.after(0, Duration.ofMinutes(1))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aPeriodToMidnightRunsToTheEndOfTheDay() {
    OpenHours late =
        Schedules.hours("UTC", List.of(new OpenPeriod(Schedules.WEEKDAYS, "20:00", "24:00")));
    assertThat(after(late, "2026-12-07T23:50:00Z", Duration.ofMinutes(30)))
        .isEqualTo(Instant.parse("2026-12-08T20:20:00Z"));
  }
}
