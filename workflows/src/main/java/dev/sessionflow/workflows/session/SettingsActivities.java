package dev.sessionflow.workflows.session;

import io.temporal.activity.ActivityInterface;

/** The account's current settings, for a session that learnt it holds older ones. */
@ActivityInterface
public interface SettingsActivities {

  /** The settings as a session runs with them, and their version. */
  SessionSettings currentSettings();
}
