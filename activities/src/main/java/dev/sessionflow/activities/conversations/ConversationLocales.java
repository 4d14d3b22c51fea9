package dev.sessionflow.activities.conversations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The end user's language, per conversation: the last locale a channel named with their message.
 * The texts the service sends them follow it ({@code settings.LocalTexts}).
 */
@Repository
class ConversationLocales {
  private final JdbcClient jdbc;

  ConversationLocales(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Under the conversation's lock, in the transaction that stores the message. */
  void remember(String conversationId, String locale) {
    jdbc.sql(
            """
            update conversations set locale = :locale
            where conversation_id = :id and (locale is null or locale <> :locale)
            """)
        .param("locale", locale)
        .param("id", conversationId)
        .update();
  }
}
