package dev.sessionflow.workflows.session;

import java.time.Instant;

/**
 * A message already stored in the transcript, signalled to its session so that it can move its
 * timers, its assignment and who-wrote-last. The text itself stays in the database.
 *
 * @param agentId the writing agent, for {@link Author#AGENT}; null otherwise
 * @param reopening the store reopened the ended session for this end-user message
 * @param sequence the store's sequence number of the message (null from older callers): an end
 *     request names the last one its caller saw, and the session decides only once it has seen it
 * @param settingsVersion the settings' version when the message was stored (null from older
 *     callers): a session holding older settings fetches the current ones
 * @param storedAt when the store took the message (null from older callers): the session's
 *     inactivity deadlines count from it, not from when a backlogged session got the signal
 */
public record ChatMessage(
    String messageId,
    Author author,
    String agentId,
    boolean reopening,
    Long sequence,
    Long settingsVersion,
    Instant storedAt) {

  public ChatMessage(String messageId, Author author, String agentId, boolean reopening) {
    this(messageId, author, agentId, reopening, null, null, null);
  }

  public ChatMessage(
      String messageId, Author author, String agentId, boolean reopening, Long sequence) {
    this(messageId, author, agentId, reopening, sequence, null, null);
  }

  public static ChatMessage fromEndUser(String messageId) {
    return new ChatMessage(messageId, Author.END_USER, null, false);
  }

  public static ChatMessage reopeningFromEndUser(String messageId) {
    return new ChatMessage(messageId, Author.END_USER, null, true);
  }

  public static ChatMessage fromAgent(String messageId, String agentId) {
    return new ChatMessage(messageId, Author.AGENT, agentId, false);
  }

  /** This message with its store sequence number. */
  public ChatMessage withSequence(long storeSequence) {
    return new ChatMessage(
        messageId, author, agentId, reopening, storeSequence, settingsVersion, storedAt);
  }

  /** This message, telling its session which settings version is current. */
  public ChatMessage withSettingsVersion(long version) {
    return new ChatMessage(messageId, author, agentId, reopening, sequence, version, storedAt);
  }

  /** This message as the store took it: its sequence number and time. */
  public ChatMessage stored(long storeSequence, Instant at) {
    return new ChatMessage(
        messageId, author, agentId, reopening, storeSequence, settingsVersion, at);
  }
}
