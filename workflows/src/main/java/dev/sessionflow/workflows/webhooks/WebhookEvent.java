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
}
