package dev.sessionflow.activities.sessions;

import java.time.Instant;

/**
 * A session as the read model holds it.
 *
 * @param channel the channel its first message came through ({@code web} by default)
 */
public record SessionRecord(
    String sessionId,
    String conversationId,
    String ticketId,
    String endUserId,
    String status,
    String assignedAgentId,
    String endedBy,
    String endedByAgentId,
    String endReason,
    Instant endedAt,
    Boolean csatWanted,
    Instant reopenUntil,
    Instant openedAt,
    Instant updatedAt,
    String endedVia,
    String endRequestId,
    String channel) {

  public boolean ended() {
    return "ENDED".equals(status);
  }
}
