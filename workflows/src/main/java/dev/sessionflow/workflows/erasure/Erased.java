package dev.sessionflow.workflows.erasure;

/**
 * What an erasure did.
 *
 * @param sessionsEnded running sessions it ended first
 * @param conversations the end user's conversations
 * @param messages message texts emptied
 * @param surveyComments survey comments removed
 * @param tickets tickets that got an {@code ERASED} audit entry
 * @param dataKeysDestroyed data keys of their sessions destroyed: what Temporal holds of those
 *     sessions opens no more (null: an erasure from before data keys)
 */
public record Erased(
    int sessionsEnded,
    long conversations,
    long messages,
    long surveyComments,
    long tickets,
    Integer dataKeysDestroyed) {
  public Erased(
      int sessionsEnded, long conversations, long messages, long surveyComments, long tickets) {
    this(sessionsEnded, conversations, messages, surveyComments, tickets, null);
  }

  public Erased withSessionsEnded(int ended) {
    return new Erased(ended, conversations, messages, surveyComments, tickets, dataKeysDestroyed);
  }

  public Erased withDataKeysDestroyed(int destroyed) {
    return new Erased(sessionsEnded, conversations, messages, surveyComments, tickets, destroyed);
  }
}
