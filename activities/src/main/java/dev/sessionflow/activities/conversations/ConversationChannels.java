package dev.sessionflow.activities.conversations;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which channel (messaging integration) created each conversation. */
@Repository
public class ConversationChannels {
  private final JdbcClient jdbc;

  public ConversationChannels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The conversation's channel: {@code channel} if the conversation had none (the first to write
   * claims it, even under concurrent first messages), else the one that claimed it.
   */
  public String claim(String conversationId, String channel) {
    Optional<String> owner = owner(conversationId);
    if (owner.isPresent()) {
      return owner.get();
    }
    try {
      jdbc.sql("insert into conversation_channels (conversation_id, channel) values (:id, :ch)")
          .param("id", conversationId)
          .param("ch", channel)
          .update();
      return channel;
    } catch (DuplicateKeyException raced) {
      return owner(conversationId).orElseThrow();
    }
  }

  /** Empty for a conversation no channel has claimed (unknown, or older than this record). */
  public Optional<String> owner(String conversationId) {
    return jdbc.sql("select channel from conversation_channels where conversation_id = :id")
        .param("id", conversationId)
        .query(String.class)
        .optional();
  }
}
