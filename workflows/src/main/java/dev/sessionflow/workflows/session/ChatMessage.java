package dev.sessionflow.workflows.session;

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
 */
public record ChatMessage(
    String messageId,
    Author author,
    String agentId,
    boolean reopening,
    Long sequence,
    Long settingsVersion) {

  public ChatMessage(String messageId, Author author, String agentId, boolean reopening) {
    this(messageId, author, agentId, reopening, null, null);
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
    return new ChatMessage(messageId, author, agentId, reopening, storeSequence, settingsVersion);
  }

  /** This message, telling its session which settings version is current. */
  public ChatMessage withSettingsVersion(long version) {
    return new ChatMessage(messageId, author, agentId, reopening, sequence, version);
  }
}
