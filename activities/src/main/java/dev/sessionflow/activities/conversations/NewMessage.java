package dev.sessionflow.activities.conversations;

import dev.sessionflow.workflows.activities.SystemMessage;

/**
 * A message about to be stored, as one of its three authors writes it. The factories fill what that
 * author's rows hold, so no caller passes a column it has no value for.
 *
 * @param agentId the agent who wrote it, for an agent's message only
 * @param kind what a SYSTEM message is (SESSION_ENDED, CSAT_INVITATION, ...), null otherwise
 * @param surveyId the survey a CSAT invitation invites to (never its token)
 * @param openedSession this end-user message opened its session (a repeat answers alike)
 */
record NewMessage(
    String conversationId,
    String messageId,
    String sessionId,
    String author,
    String agentId,
    String kind,
    String text,
    String surveyId,
    boolean openedSession) {

  static NewMessage fromEndUser(
      String conversationId,
      String messageId,
      String sessionId,
      String text,
      boolean openedSession) {
    return new NewMessage(
        conversationId, messageId, sessionId, "END_USER", null, null, text, null, openedSession);
  }

  static NewMessage fromAgent(
      String conversationId, String messageId, String sessionId, String agentId, String text) {
    return new NewMessage(
        conversationId, messageId, sessionId, "AGENT", agentId, null, text, null, false);
  }

  static NewMessage fromSystem(SystemMessage m, String surveyId) {
    return new NewMessage(
        m.conversationId(),
        m.messageId(),
        m.sessionId(),
        "SYSTEM",
        null,
        m.kind(),
        m.text(),
        surveyId,
        false);
  }
}
