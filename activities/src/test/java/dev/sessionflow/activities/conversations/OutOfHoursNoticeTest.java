package dev.sessionflow.activities.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.settings.BusinessHoursChange;
import dev.sessionflow.activities.settings.BusinessHoursSettingsTest;
import dev.sessionflow.activities.settings.SettingsStore;
import dev.sessionflow.activities.settings.TimersCount;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An end user who writes while the team is closed is told so, once per closed stretch. */
class OutOfHoursNoticeTest extends StoreTestBase {
  static final String CLOSED = "We are closed. We open at 09:00 (Lisbon), Monday to Friday.";

  @Autowired SettingsStore settings;

  void nineToFiveInLisbon(String outOfHoursText) {
    settings.update(
        BusinessHoursSettingsTest.only(
            new BusinessHoursChange(
                TimersCount.CALENDAR,
                Optional.of(
                    new BusinessHours(
                        "Europe/Lisbon",
                        List.of(
                            new OpenPeriod(
                                List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00")),
                        List.of())),
                Optional.ofNullable(outOfHoursText))));
  }

  List<StoredMessage> notices(String conversationId) {
    return transcript(conversationId).stream()
        .filter(m -> OutOfHoursNotices.KIND.equals(m.kind()))
        .toList();
  }

  @Test
  void aMessageOnSaturdayIsAnsweredOnceUntilMondaysOpening() {
    nineToFiveInLisbon(CLOSED);
    clock.set(Instant.parse("2025-03-08T11:00:00Z")); // a Saturday

    endUserSays("conv-sat", "m-1", "Hello?");
    clock.advance(Duration.ofHours(20));
    endUserSays("conv-sat", "m-2", "Anyone?");

    assertThat(notices("conv-sat"))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.author()).isEqualTo("SYSTEM");
              assertThat(n.text()).isEqualTo(CLOSED);
            });
    assertThat(transcript("conv-sat"))
        .extracting(StoredMessage::messageId)
        .as("right after the message it answers")
        .startsWith("m-1")
        .element(1)
        .asString()
        .contains("-out-of-hours-" + Instant.parse("2025-03-10T09:00:00Z").toEpochMilli());
  }

  @Test
  void theNextClosedStretchIsAnsweredAgain() {
    nineToFiveInLisbon(CLOSED);
    clock.set(Instant.parse("2025-03-10T07:00:00Z")); // Monday before opening
    endUserSays("conv-again", "m-1", "Early");
    clock.set(Instant.parse("2025-03-10T10:00:00Z")); // open
    endUserSays("conv-again", "m-2", "Now?");
    clock.set(Instant.parse("2025-03-10T18:30:00Z")); // closed again
    endUserSays("conv-again", "m-3", "Late");

    assertThat(notices("conv-again")).hasSize(2);
  }

  @Test
  void nothingIsSentWhileOpenOrWithoutAText() {
    nineToFiveInLisbon(CLOSED);
    endUserSays("conv-open", "m-1", "Hi"); // T0 is Monday 09:00 UTC, open in Lisbon
    assertThat(notices("conv-open")).isEmpty();

    nineToFiveInLisbon(null);
    clock.set(Instant.parse("2025-03-08T11:00:00Z"));
    endUserSays("conv-quiet", "m-1", "Hi");
    assertThat(notices("conv-quiet")).isEmpty();
  }

  @Test
  void aRepeatedMessageIsNotAnsweredTwice() {
    nineToFiveInLisbon(CLOSED);
    clock.set(Instant.parse("2025-03-08T11:00:00Z"));
    endUserSays("conv-dup", "m-1", "Hello?");
    endUserSays("conv-dup", "m-1", "Hello?");

    assertThat(transcript("conv-dup")).hasSize(2);
  }
}
