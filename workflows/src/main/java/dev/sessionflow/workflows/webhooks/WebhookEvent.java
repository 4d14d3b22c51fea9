package dev.sessionflow.workflows.webhooks;

import java.util.Map;

/**
 * An outbound event. {@code eventId} is stable ({@code session.ended:<sessionId>}), so a receiver
 * can drop a repeat and the service never starts two deliveries of one event to one hook.
 */
public record WebhookEvent(
    String eventId, String type, String occurredAt, Map<String, Object> data) {
  public static final String SESSION_ENDED = "session.ended";
  public static final String CSAT_SENT = "csat.sent";
  public static final String CSAT_ANSWERED = "csat.answered";

  /** Every message of a conversation, whoever wrote it: delivered in the conversation's order. */
  public static final String MESSAGE_CREATED = "message.created";

  /** A session opened (or reopened): delivered in its conversation's order, before its message. */
  public static final String SESSION_STARTED = "session.started";

  /** Every event a webhook may subscribe to. */
  public static final java.util.List<String> ALL =
      java.util.List.of(SESSION_ENDED, CSAT_SENT, CSAT_ANSWERED, MESSAGE_CREATED, SESSION_STARTED);

  /** The events a {@link ChannelLane} delivers, one conversation at a time, in order. */
  public static final java.util.Set<String> IN_CONVERSATION_ORDER =
      java.util.Set.of(MESSAGE_CREATED, SESSION_STARTED);
}
