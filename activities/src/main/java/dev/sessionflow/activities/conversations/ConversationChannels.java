package dev.sessionflow.activities.conversations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which channel (messaging integration) created each conversation. A claim never changes once
 * stored, so the owners read or written here are kept (the most recent {@link #REMEMBERED}): a
 * channel's every later message to a conversation is checked without a database read.
 */
@Repository
public class ConversationChannels {
  static final int REMEMBERED = 100_000;

  private final JdbcClient jdbc;
  private final Map<String, String> owners =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
              return size() > REMEMBERED;
            }
          });

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
      owners.put(conversationId, channel);
      return channel;
    } catch (DuplicateKeyException raced) {
      return owner(conversationId).orElseThrow();
    }
  }

  /** Empty for a conversation no channel has claimed (unknown, or older than this record). */
  public Optional<String> owner(String conversationId) {
    String known = owners.get(conversationId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> stored =
        jdbc.sql("select channel from conversation_channels where conversation_id = :id")
            .param("id", conversationId)
            .query(String.class)
            .optional();
    stored.ifPresent(owner -> owners.put(conversationId, owner));
    return stored;
  }
}
