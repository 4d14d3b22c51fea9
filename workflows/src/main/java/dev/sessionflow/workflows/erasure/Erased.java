package dev.sessionflow.workflows.erasure;

/**
 * What an erasure did.
 *
 * @param sessionsEnded running sessions it ended first
 * @param conversations the end user's conversations
 * @param messages message texts emptied
 * @param surveyComments survey comments removed
 * @param tickets tickets that got an {@code ERASED} audit entry
 */
public record Erased(
    int sessionsEnded, long conversations, long messages, long surveyComments, long tickets) {
  public Erased withSessionsEnded(int ended) {
    return new Erased(ended, conversations, messages, surveyComments, tickets);
  }
}
