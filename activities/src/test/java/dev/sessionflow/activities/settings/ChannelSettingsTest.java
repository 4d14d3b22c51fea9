package dev.sessionflow.activities.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.EndUserMessage;
import dev.sessionflow.activities.sessions.SessionStore;
import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.workflows.hours.BusinessHours;
import dev.sessionflow.workflows.hours.OpenPeriod;
import dev.sessionflow.workflows.session.SessionSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Overrides per channel: kept, applied to that channel's sessions only, checked, pushed. */
class ChannelSettingsTest extends StoreTestBase {
  @Autowired SettingsStore settings;
  @Autowired SessionStore sessions;

  static ChannelOverride whatsapp() {
    return new ChannelOverride(
        Duration.ofHours(24),
        null,
        null,
        "Still with us on WhatsApp?",
        null,
        null,
        null,
        null,
        new CsatOverride(null, null, null, null, "How did we do on WhatsApp?", 3),
        Set.of("autoCloseAfter"));
  }

  MessagingSettings channels(Map<String, ChannelOverride> channels) {
    return settings.update(
        new SettingsChange(
            null, null, null, null, null, null, null, null, null, null, null, channels));
  }

  @Test
  void aChannelsSessionsRunWithItsOverridesAndOthersWithTheAccounts() {
    channels(Map.of("whatsapp", whatsapp()));

    SessionSettings sent = settings.current().forSessions();
    SessionSettings onWhatsApp = sent.forChannel("whatsapp");
    assertThat(onWhatsApp.timers().inactiveAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(onWhatsApp.timers().autoCloseAfter()).as("turned off").isNull();
    assertThat(onWhatsApp.timers().warningText()).isEqualTo("Still with us on WhatsApp?");
    assertThat(onWhatsApp.timers().endedNoticeText())
        .as("not overridden: the account's")
        .isEqualTo(settings.current().endedNoticeText());
    assertThat(onWhatsApp.policy().csatScale()).isEqualTo(3);
    assertThat(onWhatsApp.policy().csatQuestion()).isEqualTo("How did we do on WhatsApp?");

    SessionSettings onWeb = sent.forChannel("web");
    assertThat(onWeb.timers()).isEqualTo(settings.current().timers());
    assertThat(onWeb.policy().csatScale()).isEqualTo(5);
  }

  @Test
  void aChannelCanCountBusinessHoursOfItsOwn() {
    BusinessHours phone =
        new BusinessHours(
            "Europe/Lisbon",
            List.of(new OpenPeriod(List.of("MON", "TUE", "WED", "THU", "FRI"), "09:00", "17:00")),
            List.of());
    channels(
        Map.of(
            "phone",
            new ChannelOverride(
                null,
                null,
                null,
                null,
                null,
                TimersCount.BUSINESS_HOURS,
                phone,
                null,
                null,
                null)));

    assertThat(settings.current().forChannel("phone").timers().businessHours().schedule())
        .isEqualTo(phone);
    assertThat(settings.current().timers().businessHours()).isNull();
  }

  @Test
  void aSessionKeepsTheChannelOfItsFirstMessage() {
    var opened =
        conversations.acceptEndUserMessage(
            new EndUserMessage("conv-wa", "m-1", "u-1", "Ana", "Hi", "bridge", null, "whatsapp"));
    conversations.acceptEndUserMessage(
        new EndUserMessage("conv-wa", "m-2", "u-1", "Ana", "Hello?", "bridge", null, "sms"));
    var web = endUserSays("conv-web", "m-1", "Hi");

    assertThat(sessions.find(opened.sessionId()).orElseThrow().channel()).isEqualTo("whatsapp");
    assertThat(sessions.find(web.sessionId()).orElseThrow().channel()).isEqualTo("web");
  }

  @Test
  void aChannelsSoonerDeadlineIsPushed() {
    settings.current();
    long before = settings.pushedVersion();
    channels(Map.of("whatsapp", whatsapp())); // 24 h of inactivity, no auto-close: later
    assertThat(settings.pushedVersion()).isEqualTo(before);

    ChannelOverride quicker =
        new ChannelOverride(
            null, Duration.ofMinutes(5), null, null, null, null, null, null, null, null);
    long sooner = channels(Map.of("whatsapp", quicker)).version();
    assertThat(settings.pushedVersion()).isEqualTo(sooner);
  }

  @Test
  void badChannelsAreRefusedUnderTheirNamesAndChangeNothing() {
    MessagingSettings before = settings.current();
    ChannelOverride warnsTooLate =
        new ChannelOverride(
            null,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            null,
            null,
            null,
            null,
            null,
            new CsatOverride(null, null, null, null, null, 20),
            null);
    ChannelOverride offInactivity =
        new ChannelOverride(
            null, null, null, null, null, null, null, null, null, Set.of("inactiveAfter"));

    assertThatThrownBy(
            () ->
                channels(
                    Map.of(
                        "WhatsApp", whatsapp(),
                        "sms", warnsTooLate,
                        "email", offInactivity)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys(
                        "channels.WhatsApp",
                        "channels.sms.warnBeforeClose",
                        "channels.sms.csat.scale",
                        "channels.email"));
    assertThat(settings.current()).isEqualTo(before);
  }
}
