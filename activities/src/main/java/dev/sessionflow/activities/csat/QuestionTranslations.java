package dev.sessionflow.activities.csat;

/**
 * The survey question in the end user's language, where an admin translated it. Owned here and
 * implemented by the settings ({@code settings.LocalTexts}), which sit above this package.
 */
public interface QuestionTranslations {
  /** The translated question for the conversation's locale; null: the policy's question. */
  String csatQuestion(String conversationId);
}
