package dev.sessionflow.activities.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sessionflow.activities.StoreTestBase;
import dev.sessionflow.activities.conversations.AcceptedMessage;
import dev.sessionflow.activities.conversations.ConversationActivitiesImpl;
import dev.sessionflow.activities.conversations.EndUserMessage;
import dev.sessionflow.activities.conversations.StoredMessage;
import dev.sessionflow.activities.csat.CsatActivitiesImpl;
import dev.sessionflow.activities.support.InvalidInputException;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.activities.SystemMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The texts an end user reads, in their language: the warning, the ended notice and the survey's
 * question follow the conversation's locale, falling back from pt-BR to pt, then to the default.
 */
class LocalTextsTest extends StoreTestBase {
  static final Map<String, LocaleTexts> PORTUGUESE =
      Map.of(
          "pt",
          new LocaleTexts(
              "Ainda está aí?", "A conversa terminou.", "Como correu?", "Estamos fechados."),
          "pt-BR",
          new LocaleTexts(null, "A conversa foi encerrada.", null, null));

  @Autowired SettingsStore settings;
  @Autowired ConversationActivitiesImpl conversationActivities;
  @Autowired CsatActivitiesImpl csat;

  void translate(Map<String, LocaleTexts> texts) {
    settings.update(
        new SettingsChange(
            null, null, null, null, null, null, null, null, null, null, texts, null));
  }

  AcceptedMessage says(String conversationId, String messageId, String locale) {
    return conversations.acceptEndUserMessage(
        new EndUserMessage(
            conversationId,
            messageId,
            "u-" + conversationId,
            "Ana",
            "Olá",
            "web-chat",
            locale,
            null));
  }

  String last(String conversationId, String kind) {
    return transcript(conversationId).stream()
        .filter(m -> kind.equals(m.kind()))
        .map(StoredMessage::text)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  void warnAndEnd(AcceptedMessage opened) {
    conversationActivities.postSystemMessage(
        new SystemMessage(
            opened.conversationId(),
            opened.sessionId(),
            opened.sessionId() + "-warning-1",
            "INACTIVITY_WARNING",
            "Are you still there?"));
    closes.close(closing(opened, 1, "This conversation has ended."));
    csat.inviteToSurvey(
        new SurveyRequest(
            opened.sessionId(),
            opened.ticketId(),
            opened.conversationId(),
            opened.endUserId(),
            Duration.ofDays(14),
            "How did we do?",
            5));
  }

  @Test
  void aBrazilianEndUserReadsTheirVariantsAndThePortugueseOnesWhereThereAreNone() {
    translate(PORTUGUESE);
    AcceptedMessage opened = says("conv-br", "m-1", "pt-BR");

    warnAndEnd(opened);

    assertThat(last("conv-br", "INACTIVITY_WARNING")).isEqualTo("Ainda está aí?");
    assertThat(last("conv-br", "SESSION_ENDED")).isEqualTo("A conversa foi encerrada.");
    assertThat(last("conv-br", "CSAT_INVITATION")).isEqualTo("Como correu? (1-5)");
  }

  @Test
  void anotherLanguageOrNoneGetsTheDefaultTexts() {
    translate(PORTUGUESE);
    AcceptedMessage english = says("conv-en", "m-1", "en-GB");
    AcceptedMessage unnamed = says("conv-none", "m-1", null);

    warnAndEnd(english);
    warnAndEnd(unnamed);

    for (String c : new String[] {"conv-en", "conv-none"}) {
      assertThat(last(c, "INACTIVITY_WARNING")).isEqualTo("Are you still there?");
      assertThat(last(c, "SESSION_ENDED")).isEqualTo("This conversation has ended.");
      assertThat(last(c, "CSAT_INVITATION"))
          .isEqualTo("How did we do? Rate this conversation from 1 (poor) to 5 (great).");
    }
  }

  @Test
  void theLastLocaleTheChannelNamedIsTheConversations() {
    translate(PORTUGUESE);
    AcceptedMessage opened = says("conv-switch", "m-1", "en");
    says("conv-switch", "m-2", "pt");
    says("conv-switch", "m-3", null); // names none: keeps pt

    warnAndEnd(opened);

    assertThat(last("conv-switch", "SESSION_ENDED")).isEqualTo("A conversa terminou.");
  }

  @Test
  void textsSavedLaterReachARunningSessionsNextNotice() {
    AcceptedMessage opened = says("conv-later", "m-1", "pt-BR");
    translate(PORTUGUESE);

    warnAndEnd(opened);

    assertThat(last("conv-later", "SESSION_ENDED")).isEqualTo("A conversa foi encerrada.");
  }

  @Test
  void badLocalesAndBlankTextsAreRefusedByName() {
    assertThatThrownBy(
            () ->
                translate(
                    Map.of(
                        "pt_BR", new LocaleTexts("Oi", null, null, null),
                        "pt-br", new LocaleTexts("Oi", null, null, null),
                        "es", new LocaleTexts(" ", null, null, null))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys("texts.pt_BR", "texts.pt-br", "texts.es.warningText"));
    assertThat(settings.current().texts()).isEmpty();
  }

  @Test
  void tagsAreKeptCanonicallyAndFallBackFromTheMostSpecific() {
    assertThat(Locales.normalized("pt-br")).isEqualTo("pt-BR");
    assertThat(Locales.normalized("zh-hant-tw")).isEqualTo("zh-Hant-TW");
    assertThat(Locales.normalized("pt_BR")).isNull();
    assertThat(Locales.normalized("x".repeat(40))).isNull();
    assertThat(Locales.normalized("iw")).as("the current code").isEqualTo("he");
    assertThat(Locales.normalized("sGHE-N4PxK090-jcYzZ7DE-l")).as("not a tag we take").isNull();
    assertThat(Locales.normalized("es-419")).isEqualTo("es-419");
    assertThat(Locales.fallbacks("zh-Hant-TW")).containsExactly("zh-Hant-TW", "zh-Hant", "zh");
  }
}
