package dev.sessionflow.workflows.session;

/**
 * A message already stored in the transcript, signalled to its session so that it can move its
 * timers, its assignment and who-wrote-last. The text itself stays in the database.
 *
 * @param agentId the writing agent, for {@link Author#AGENT}; null otherwise
 */
public record ChatMessage(String messageId, Author author, String agentId) {

  public static ChatMessage fromEndUser(String messageId) {
    return new ChatMessage(messageId, Author.END_USER, null);
  }

  public static ChatMessage fromAgent(String messageId, String agentId) {
    return new ChatMessage(messageId, Author.AGENT, agentId);
  }
}
