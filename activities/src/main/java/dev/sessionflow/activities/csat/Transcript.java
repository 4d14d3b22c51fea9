package dev.sessionflow.activities.csat;

import dev.sessionflow.workflows.activities.SystemMessage;

/**
 * The transcript a survey's invitation goes into, in the survey's transaction. The message store is
 * it; surveys sit below sessions and conversations and do not depend on their stores.
 */
public interface Transcript {

  /** Posts a SYSTEM message once per message id, naming the survey it invites to (if any). */
  void postSystemMessage(SystemMessage message, String surveyId);
}
