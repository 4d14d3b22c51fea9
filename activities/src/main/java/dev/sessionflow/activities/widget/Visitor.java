package dev.sessionflow.activities.widget;

import java.time.Instant;

/**
 * One widget visitor: the conversation it may read and write, as which end user.
 *
 * @param externalId the customer's id for a verified visitor, null for an anonymous one
 */
public record Visitor(
    String visitorId,
    String conversationId,
    String endUserId,
    String endUserName,
    String externalId,
    Instant expiresAt) {

  public boolean verified() {
    return externalId != null;
  }
}
