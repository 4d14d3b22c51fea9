package dev.sessionflow.activities.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Business hours as the settings store keeps, checks and hands them to sessions. */
public class BusinessHoursSettingsTest extends StoreTestBase {
  static final BusinessHours LISBON =
      new BusinessHours(
          "Europe/Lisbon",
          List.of(
              new OpenPeriod(List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "12:30"),
              new OpenPeriod(List.of("MON", "TUE", "WED", "THU", "FRI"), "13:30", "17:00")),
          List.of("2026-12-25"));

  @Autowired SettingsStore settings;

  static SettingsChange hours(TimersCount count, BusinessHours schedule, String text) {
    return only(
        new BusinessHoursChange(count, Optional.ofNullable(schedule), Optional.ofNullable(text)));
  }

  /** A change of the business hours alone. */
  public static SettingsChange only(BusinessHoursChange hours) {
    return new SettingsChange(
        null, null, null, null, null, null, null, null, null, hours, null, null);
  }

  @Test
  void aNewAccountCountsCalendarTime() {
    MessagingSettings current = settings.current();
    assertThat(current.hours()).isEqualTo(BusinessHoursSettings.NONE);
    assertThat(current.timers().businessHours()).isNull();
  }

  @Test
  void savedHoursAreReadBackAndGoToSessionsWithTheirZoneWrittenOut() {
    settings.update(hours(TimersCount.BUSINESS_HOURS, LISBON, "Closed now."));

    MessagingSettings read = settings.current();
    assertThat(read.hours())
        .isEqualTo(new BusinessHoursSettings(TimersCount.BUSINESS_HOURS, LISBON, "Closed now."));
    var counted = read.forSessions().timers().businessHours();
    assertThat(counted.schedule()).isEqualTo(LISBON);
    assertThat(counted.shifts())
        .as("summer and winter time for three years and more")
        .hasSizeGreaterThanOrEqualTo(7);
    // Friday 2026-12-04 16:50 in Lisbon: 10 minutes, then Monday from 09:00.
    assertThat(
            Instant.ofEpochMilli(
                counted.after(
                    Instant.parse("2026-12-04T16:50:00Z").toEpochMilli(), Duration.ofMinutes(30))))
        .isEqualTo(Instant.parse("2026-12-07T09:20:00Z"));
  }

  @Test
  void aPartialChangeKeepsTheHoursAndJsonNullRemovesTheText() {
    settings.update(hours(TimersCount.BUSINESS_HOURS, LISBON, "Closed now."));
    settings.update(
        new SettingsChange(
            null, null, null, null, "Still there?", null, null, null, null, null, null, null));
    assertThat(settings.current().hours().schedule()).isEqualTo(LISBON);

    settings.update(only(new BusinessHoursChange(null, null, Optional.empty())));
    assertThat(settings.current().hours())
        .isEqualTo(new BusinessHoursSettings(TimersCount.BUSINESS_HOURS, LISBON, null));
  }

  @Test
  void turningBusinessHoursOnOrChangingThemIsPushed() {
    settings.current();
    long on = settings.update(hours(TimersCount.BUSINESS_HOURS, LISBON, null)).version();
    assertThat(settings.pushedVersion()).isEqualTo(on);

    settings.update( // a text: pulled
        only(new BusinessHoursChange(null, null, Optional.of("Closed."))));
    assertThat(settings.pushedVersion()).isEqualTo(on);

    BusinessHours longer =
        new BusinessHours(
            "Europe/Lisbon",
            List.of(new OpenPeriod(List.of("MON", "TUE", "WED", "THU", "FRI"), "08:00", "20:00")),
            List.of());
    long changed = settings.update(hours(null, longer, null)).version();
    assertThat(settings.pushedVersion()).isEqualTo(changed);
  }

  @Test
  void badHoursAreRefusedFieldByFieldAndChangeNothing() {
    MessagingSettings before = settings.current();
    BusinessHours bad =
        new BusinessHours(
            "Mars/Olympus",
            List.of(
                new OpenPeriod(List.of("MON", "Funday"), "9am", "17:00"),
                new OpenPeriod(List.of("TUE"), "17:00", "09:00"),
                new OpenPeriod(Arrays.asList((String) null), "09:00", "24:01")),
            Arrays.asList("2026-02-30", null));

    assertThatThrownBy(() -> settings.update(hours(TimersCount.BUSINESS_HOURS, bad, " ")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys(
                        "businessHours.timeZone",
                        "businessHours.periods[0].days",
                        "businessHours.periods[0].from",
                        "businessHours.periods[1].to",
                        "businessHours.periods[2].days",
                        "businessHours.periods[2].to",
                        "businessHours.holidays[0]",
                        "businessHours.holidays[1]",
                        "outOfHoursText"));
    assertThatThrownBy(() -> settings.update(hours(TimersCount.BUSINESS_HOURS, null, null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("businessHours"));
    assertThat(settings.current()).isEqualTo(before);
  }
}
