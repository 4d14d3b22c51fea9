package dev.sessionflow.activities.settings;

import dev.sessionflow.activities.csat.QuestionTranslations;
import dev.sessionflow.workflows.activities.SystemMessage;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The texts the service sends an end user, in their language: the conversation's locale (the last
 * one its channel named) picks the admin's variant, falling back from {@code pt-BR} to {@code pt},
 * then to the text the session decided on. Chosen when the text is stored, so a change of the texts
 * reaches running sessions at once.
 */
@Component
public class LocalTexts implements QuestionTranslations {
  private final SettingsStore settings;
  private final JdbcClient jdbc;

  public LocalTexts(SettingsStore settings, JdbcClient jdbc) {
    this.settings = settings;
    this.jdbc = jdbc;
  }

  /** The message with its text in the conversation's language, for the kinds that have one. */
  public SystemMessage localized(SystemMessage m) {
    Function<LocaleTexts, String> which =
        switch (m.kind()) {
          case "INACTIVITY_WARNING" -> LocaleTexts::warningText;
          case "SESSION_ENDED" -> LocaleTexts::endedText;
          case "OUT_OF_HOURS" -> LocaleTexts::outOfHoursText;
          default -> null;
        };
    if (which == null) {
      return m;
    }
    String text = text(m.conversationId(), which);
    return text == null
        ? m
        : new SystemMessage(m.conversationId(), m.sessionId(), m.messageId(), m.kind(), text);
  }

  /** The survey question in the conversation's language; null: the default question applies. */
  @Override
  public String csatQuestion(String conversationId) {
    return text(conversationId, LocaleTexts::csatQuestion);
  }

  /** The variant for the conversation's locale or a broader one; null if none is set. */
  private String text(String conversationId, Function<LocaleTexts, String> which) {
    Map<String, LocaleTexts> texts = settings.atVersion(settings.version()).texts();
    if (texts.isEmpty()) {
      return null; // no variants: no need to read the conversation's locale
    }
    String locale = localeOf(conversationId);
    if (locale == null) {
      return null;
    }
    for (String tag : Locales.fallbacks(locale)) {
      LocaleTexts variant = texts.get(tag);
      if (variant != null && which.apply(variant) != null) {
        return which.apply(variant);
      }
    }
    return null;
  }

  /** The locale of the session's conversation; null: none named. */
  public String localeOfSession(String sessionId) {
    return jdbc.sql(
            """
            select c.locale from sessions s
            join conversations c on c.conversation_id = s.conversation_id
            where s.session_id = :id
            """)
        .param("id", sessionId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** The conversation's locale, as the conversation store keeps it; null: none named. */
  public String localeOf(String conversationId) {
    return jdbc.sql("select locale from conversations where conversation_id = :id")
        .param("id", conversationId)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
