package dev.sessionflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/** The ticket store. */
@ActivityInterface
public interface TicketActivities {

  /**
   * Settles the ticket of an ended session: sets its status and records who ended the session, when
   * and why. Exactly once per session: a repeat finds the settlement done and changes nothing. An
   * unknown ticket is a business failure (not retried). Answers the change it made, for triggers
   * (histories from before it answered nothing: null).
   */
  SettleOutcome settle(Settlement settlement);
}
