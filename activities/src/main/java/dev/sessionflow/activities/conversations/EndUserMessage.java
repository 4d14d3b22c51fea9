package dev.sessionflow.activities.conversations;

/**
 * An end user's message as a channel relays it.
 *
 * @param relayedBy the channel (by principal name) that passed the message on
 * @param locale the end user's language (BCP 47, such as {@code pt-BR}) if the channel names it;
 *     null keeps the conversation's last one
 * @param channel the channel it came through ({@code whatsapp}); null is {@code web}. A session
 *     keeps the channel of the message that opened it.
 */
public record EndUserMessage(
    String conversationId,
    String messageId,
    String endUserId,
    String endUserName,
    String text,
    String relayedBy,
    String locale,
    String channel) {
  public static final String WEB = "web";

  public EndUserMessage {
    channel = channel == null ? WEB : channel;
  }

  NewMessage into(String sessionId, boolean opening) {
    return NewMessage.fromEndUser(conversationId, messageId, sessionId, text, opening);
  }
}
