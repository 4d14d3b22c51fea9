package dev.sessionflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** The conversation transcript the end user sees. */
@ActivityInterface
public interface ConversationActivities {

  /** Posts a SYSTEM message once, whatever the number of retries. */
  void postSystemMessage(SystemMessage message);
}
