package dev.sessionflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** The conversation transcript the end user sees. */
@ActivityInterface
public interface ConversationActivities {

  /** Posts a SYSTEM message once, whatever the number of retries. */
  void postSystemMessage(SystemMessage message);

  /**
   * Posts the inactivity warning once, unless the store holds newer settings than {@code
   * settingsVersion}, the version the session decided it under ({@code pulled-settings}): then it
   * posts nothing and answers the newer version, which the session fetches before it decides again
   * (the warning's time or text may have changed). A null version posts under any settings.
   *
   * @return null when posted (or posted before), else the store's newer settings version
   */
  Long postWarning(SystemMessage message, Long settingsVersion);
}
