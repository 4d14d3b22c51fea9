package dev.sessionflow.worker.widget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The visitor's conversation as the chat frame shows it.
 *
 * @param status {@code NEW} before the first message, then the latest session's: {@code ACTIVE},
 *     {@code INACTIVE} or {@code ENDED}
 * @param messages the latest {@link WidgetConversations#SHOWN} messages, oldest first
 */
public record WidgetView(
    String conversationId, String status, String sessionId, List<Message> messages) {

  /**
   * One message. {@code author} is {@code END_USER}, {@code AGENT} or {@code SYSTEM}; a SYSTEM
   * message has a {@code kind} ({@code WARNING}, {@code ENDED}, {@code SURVEY}, {@code NOTICE}),
   * and a survey its state, answered in place with its token.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(
      String messageId, String author, String kind, String text, Instant at, Survey survey) {}

  /**
   * A survey in the conversation: {@code SENT} (may be answered), {@code ANSWERED}, {@code
   * EXPIRED}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Survey(String surveyToken, int scale, String status, Integer rating) {}
}
