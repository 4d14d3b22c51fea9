package dev.sessionflow.workflows.session;

import io.temporal.workflow.Workflow;

/** What a message's signal says of how the store took it: when, and with which assignee. */
final class StoredMessageFacts {
  private StoredMessageFacts() {}

  /**
   * When a message happened: when the store took it (its signal carries the time), never later than
   * now; before {@link VersionMarkers#STORED_MESSAGE_TIME}, when the signal is handled.
   */
  static long time(ChatMessage message) {
    long now = Workflow.currentTimeMillis();
    if (message.storedAt() == null || !VersionMarkers.STORED_MESSAGE_TIME.adopted()) {
      return now;
    }
    return Math.min(now, message.storedAt().toEpochMilli());
  }

  /**
   * Whether the store took this agent's message (its signal carries the stored time) and with it
   * the assignee: the API assigns an unassigned session in the transaction that stores an agent's
   * message ({@link VersionMarkers#ASSIGNEE_STORED_WITH_MESSAGE}).
   */
  static boolean assigneeStoredWith(ChatMessage message) {
    return message.author() == Author.AGENT
        && message.storedAt() != null
        && VersionMarkers.ASSIGNEE_STORED_WITH_MESSAGE.adopted();
  }

  /**
   * Whether the store took a later message than this one, whose signal came first: this one does
   * not make its author the last to write ({@link VersionMarkers#NEWEST_AUTHOR}). Asked before the
   * session notes the message's sequence, and only when signals came out of order.
   */
  static boolean overtaken(ChatMessage message, SessionState state) {
    return message.sequence() != null
        && message.sequence() < state.lastSeenSequence
        && VersionMarkers.NEWEST_AUTHOR.adopted();
  }
}
