package dev.sessionflow.activities.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.activities.Concurrently;
import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.activities.support.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SettingsStoreTest extends StoreTestBase {
  /** When "agents can end sessions" shipped (SettingsDefaults' default). */
  private static final Instant RELEASED = Instant.parse("2024-06-01T00:00:00Z");

  @Autowired SettingsStore settings;
  @Autowired SettingsDefaults defaults;
  @Autowired Transactions tx;
  @Autowired dev.sessionflow.activities.webhooks.WebhookStore webhooks;
  @Autowired dev.sessionflow.activities.webhooks.WebhookDestinations destinations;

  @Test
  void aNewAccountGetsTheDefaults() {
    MessagingSettings current = settings.current();

    assertThat(current.agentsCanEndSessions()).isTrue();
    assertThat(current.agentsCanEndSessionsExplicit()).isFalse();
    assertThat(current.inactiveAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(current.autoCloseAfter()).isEqualTo(Duration.ofMinutes(30));
    assertThat(current.warnBeforeClose()).isEqualTo(Duration.ofMinutes(2));
    assertThat(current.warningText()).isEqualTo(defaults.warningText()).isNotBlank();
    assertThat(current.endedNoticeText()).isEqualTo(defaults.endedNoticeText()).isNotBlank();
    assertThat(current.messagingEnabledAt()).isEqualTo(T0);
    assertThat(current.updatedAt()).isEqualTo(T0);
    assertThat(current.timers().inactiveAfter()).isEqualTo(Duration.ofMinutes(10));

    // The row is created once: a later read keeps when messaging was turned on.
    clock.advance(Duration.ofDays(3));
    assertThat(settings.current()).isEqualTo(current);
    assertThat(count("messaging_settings")).isEqualTo(1);
  }

  @Test
  void everyChangeRaisesTheVersionByOne() {
    long start = settings.current().version();

    assertThat(settings.update(change().warningText("one").build()).version()).isEqualTo(start + 1);
    assertThat(settings.update(change().warningText("two").build(), start + 1).version())
        .isEqualTo(start + 2);
    assertThat(settings.current().version()).isEqualTo(start + 2);
  }

  @Test
  void onlyAChangeThatBringsADeadlineSoonerIsThePushedVersion() {
    settings.current();
    long before = settings.pushedVersion();

    settings.update(change().warningText("texts are pulled").build());
    settings.update(change().inactiveAfter(Duration.ofHours(2)).build());
    assertThat(settings.pushedVersion()).isEqualTo(before);

    long sooner = settings.update(change().inactiveAfter(Duration.ofMinutes(5)).build()).version();
    settings.update(change().warningText("pulled again").build());
    assertThat(settings.pushedVersion()).isEqualTo(sooner);
  }

  @Test
  void aChangeMadeAgainstAnOlderVersionIsRefusedAndChangesNothing() {
    long read = settings.current().version();
    settings.update(change().warningText("first admin").build(), read);

    assertThatThrownBy(() -> settings.update(change().warningText("second admin").build(), read))
        .isInstanceOf(StaleSettingsException.class)
        .satisfies(e -> assertThat(((StaleSettingsException) e).current()).isEqualTo(read + 1));
    assertThat(settings.current().warningText()).isEqualTo("first admin");
    assertThat(settings.current().version()).isEqualTo(read + 1);
  }

  @Test
  void ofConcurrentChangesAgainstOneVersionExactlyOneApplies() {
    long read = settings.current().version();

    List<String> outcomes =
        Concurrently.run(
            4,
            i -> {
              try {
                settings.update(change().warningText("admin " + i).build(), read);
                return "saved";
              } catch (StaleSettingsException stale) {
                return "stale";
              }
            });

    assertThat(outcomes).containsOnlyOnce("saved").contains("stale");
    assertThat(settings.current().version()).isEqualTo(read + 1);
  }

  @Test
  void concurrentChangesWithoutAVersionLoseNoneOfEachOthersFields() {
    long read = settings.current().version();

    Concurrently.run(
        2,
        i ->
            i == 0
                ? settings.update(change().warningText("from the first").build())
                : settings.update(change().inactiveAfter(Duration.ofMinutes(3)).build()));

    MessagingSettings now = settings.current();
    assertThat(now.warningText()).isEqualTo("from the first");
    assertThat(now.inactiveAfter()).isEqualTo(Duration.ofMinutes(3));
    assertThat(now.version()).isEqualTo(read + 2);
  }

  @Test
  void theAgentEndFlagReadAloneAgreesWithTheWholeSettings() {
    assertThat(settings.agentsCanEndSessions()).isTrue(); // no row yet: the defaults

    settings.update(change().agentsCanEndSessions(false).build());
    assertThat(settings.agentsCanEndSessions()).isFalse();
    assertThat(settings.current().agentsCanEndSessions()).isFalse();

    settings.update(change().agentsCanEndSessions(true).build());
    assertThat(settings.agentsCanEndSessions()).isTrue();
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() {
    MessagingSettings before = settings.current();
    clock.advance(Duration.ofMinutes(5));

    MessagingSettings after =
        settings.update(change().inactiveAfter(Duration.ofMinutes(5)).build());

    assertThat(after.inactiveAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(after.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(after)
        .usingRecursiveComparison()
        .ignoringFields("inactiveAfter", "updatedAt", "version")
        .isEqualTo(before);
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(settings.current()).isEqualTo(after);
  }

  @Test
  void timersCanBeTurnedOffAndOnAgain() {
    MessagingSettings noAutoClose =
        settings.update(
            change().autoCloseAfter(Optional.empty()).warnBeforeClose(Optional.empty()).build());
    assertThat(noAutoClose.autoCloseAfter()).isNull();
    assertThat(noAutoClose.warnBeforeClose()).isNull();
    assertThat(noAutoClose.inactiveAfter()).isEqualTo(Duration.ofMinutes(10));

    // A warning without an auto-close is allowed (nothing to be shorter than).
    MessagingSettings warnOnly =
        settings.update(change().warnBeforeClose(Optional.of(Duration.ofHours(2))).build());
    assertThat(warnOnly.autoCloseAfter()).isNull();
    assertThat(warnOnly.warnBeforeClose()).isEqualTo(Duration.ofHours(2));

    MessagingSettings back =
        settings.update(
            change()
                .autoCloseAfter(Optional.of(Duration.ofHours(3)))
                .warningText("Closing in two hours.")
                .endedNoticeText("Closed. Write again any time.")
                .build());
    assertThat(back.autoCloseAfter()).isEqualTo(Duration.ofHours(3));
    assertThat(back.warnBeforeClose()).isEqualTo(Duration.ofHours(2));
    assertThat(back.warningText()).isEqualTo("Closing in two hours.");
    assertThat(back.endedNoticeText()).isEqualTo("Closed. Write again any time.");
    assertThat(settings.current()).isEqualTo(back);
  }

  @Test
  void invalidValuesAreRejectedAndChangeNothing() {
    MessagingSettings before = settings.current();

    assertRejected(change().inactiveAfter(Duration.ofMillis(999)), "inactiveAfter");
    assertRejected(change().inactiveAfter(Duration.ofSeconds(-5)), "inactiveAfter");
    assertRejected(
        change().autoCloseAfter(Optional.of(Duration.ZERO)), "autoCloseAfter", "warnBeforeClose");
    assertRejected(
        change().autoCloseAfter(Optional.of(Duration.ZERO)).warnBeforeClose(Optional.empty()),
        "autoCloseAfter");
    assertRejected(change().warnBeforeClose(Optional.of(Duration.ZERO)), "warnBeforeClose");
    assertRejected(
        change().warnBeforeClose(Optional.of(Duration.ofMinutes(30))), "warnBeforeClose");
    assertRejected(change().autoCloseAfter(Optional.of(Duration.ofMinutes(1))), "warnBeforeClose");
    assertRejected(change().warningText("   "), "warningText");
    assertRejected(change().warningText(""), "warningText");
    assertRejected(change().endedNoticeText("x".repeat(1001)), "endedNoticeText");
    assertRejected(
        change()
            .inactiveAfter(Duration.ZERO)
            .warningText("")
            .endedNoticeText(" ")
            .agentsCanEndSessions(false),
        "inactiveAfter",
        "warningText",
        "endedNoticeText");

    assertThat(settings.current()).isEqualTo(before);
  }

  @Test
  void theLimitsThemselvesAreAccepted() {
    String longest = "ü".repeat(1000);

    MessagingSettings updated =
        settings.update(
            change()
                .inactiveAfter(Duration.ofSeconds(1))
                .autoCloseAfter(Optional.of(Duration.ofSeconds(2)))
                .warnBeforeClose(Optional.of(Duration.ofSeconds(1)))
                .warningText(longest)
                .endedNoticeText(longest)
                .build());

    assertThat(updated.inactiveAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(updated.autoCloseAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(updated.warnBeforeClose()).isEqualTo(Duration.ofSeconds(1));
    assertThat(updated.warningText()).isEqualTo(longest);
    assertThat(settings.current().endedNoticeText()).isEqualTo(longest);
  }

  @Test
  void anAccountFromBeforeTheFeatureCannotEndSessionsUntilAnAdminSaysSo() {
    // The account turned messaging on (its settings row was created) before the release.
    clock.set(RELEASED.minus(Duration.ofDays(30)));
    MessagingSettings legacy = settings.current();
    assertThat(legacy.messagingEnabledAt()).isEqualTo(RELEASED.minus(Duration.ofDays(30)));
    assertThat(legacy.agentsCanEndSessions()).isFalse();
    assertThat(legacy.agentsCanEndSessionsExplicit()).isFalse();

    // Other changes keep the default.
    clock.set(T0);
    MessagingSettings other =
        settings.update(change().inactiveAfter(Duration.ofMinutes(3)).build());
    assertThat(other.agentsCanEndSessions()).isFalse();
    assertThat(other.agentsCanEndSessionsExplicit()).isFalse();
    assertThat(settings.agentsCanEndSessions()).isFalse();

    MessagingSettings turnedOn = settings.update(change().agentsCanEndSessions(true).build());
    assertThat(turnedOn.agentsCanEndSessions()).isTrue();
    assertThat(turnedOn.agentsCanEndSessionsExplicit()).isTrue();

    MessagingSettings later =
        settings.update(change().inactiveAfter(Duration.ofMinutes(4)).build());
    assertThat(later.agentsCanEndSessions()).isTrue();
    assertThat(later.agentsCanEndSessionsExplicit()).isTrue();
    assertThat(settings.current().agentsCanEndSessions()).isTrue();
  }

  @Test
  void aNewAccountMayTurnTheFeatureOffExplicitly() {
    MessagingSettings off = settings.update(change().agentsCanEndSessions(false).build());

    assertThat(off.agentsCanEndSessions()).isFalse();
    assertThat(off.agentsCanEndSessionsExplicit()).isTrue();
    assertThat(settings.update(change().build()).agentsCanEndSessions()).isFalse();
  }

  @Test
  void theConfiguredMessagingEnabledAtDecidesTheDefault() {
    SettingsStore legacyAccount = storeWithMessagingEnabledAt(RELEASED.minusSeconds(1));
    MessagingSettings legacy = legacyAccount.current();
    assertThat(legacy.messagingEnabledAt()).isEqualTo(RELEASED.minusSeconds(1));
    assertThat(legacy.agentsCanEndSessions()).isFalse();
    assertThat(legacy.agentsCanEndSessionsExplicit()).isFalse();
    assertThat(legacyAccount.update(change().agentsCanEndSessions(true).build()))
        .extracting(
            MessagingSettings::agentsCanEndSessions,
            MessagingSettings::agentsCanEndSessionsExplicit)
        .containsExactly(true, true);

    jdbc.sql("delete from messaging_settings").update();
    MessagingSettings onReleaseDay = storeWithMessagingEnabledAt(RELEASED).current();
    assertThat(onReleaseDay.agentsCanEndSessions()).isTrue();
    assertThat(onReleaseDay.agentsCanEndSessionsExplicit()).isFalse();
  }

  private SettingsStore storeWithMessagingEnabledAt(Instant messagingEnabledAt) {
    SettingsDefaults configured =
        new SettingsDefaults(null, null, null, null, null, RELEASED, messagingEnabledAt, null);
    return new SettingsStore(
        jdbc, tx, configured, clock, webhooks, new SettingsValidation(destinations));
  }

  private void assertRejected(Change change, String... fields) {
    assertThatThrownBy(() -> settings.update(change.build()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(fields));
  }

  private static Change change() {
    return new Change();
  }

  /** A SettingsChange with only the fields a test names. */
  private static final class Change {
    private Boolean agentsCanEndSessions;
    private Duration inactiveAfter;
    private Optional<Duration> autoCloseAfter;
    private Optional<Duration> warnBeforeClose;
    private String warningText;
    private String endedNoticeText;

    Change agentsCanEndSessions(boolean value) {
      agentsCanEndSessions = value;
      return this;
    }

    Change inactiveAfter(Duration value) {
      inactiveAfter = value;
      return this;
    }

    Change autoCloseAfter(Optional<Duration> value) {
      autoCloseAfter = value;
      return this;
    }

    Change warnBeforeClose(Optional<Duration> value) {
      warnBeforeClose = value;
      return this;
    }

    Change warningText(String value) {
      warningText = value;
      return this;
    }

    Change endedNoticeText(String value) {
      endedNoticeText = value;
      return this;
    }

    SettingsChange build() {
      return new SettingsChange(
          agentsCanEndSessions,
          inactiveAfter,
          autoCloseAfter,
          warnBeforeClose,
          warningText,
          endedNoticeText,
          null,
          null,
          null,
          null,
          null,
          null);
    }
  }
}
