package dev.sessionflow.workflows.activities;

import io.temporal.activity.ActivityInterface;

/**
 * The session read model that the HTTP API serves. Run as local activities: short database writes
 * on state changes only (never per message), each safe to repeat.
 */
@ActivityInterface
public interface SessionStoreActivities {

  /** Records status and assignment; an older revision than the stored one is ignored. */
  void recordProgress(SessionProgress progress);

  /**
   * Marks the session ended, posts the session-ended notice to the end user and releases the
   * conversation, in one transaction, so that a later message opens a new session only after the
   * end user was told this one ended. Applying it again changes nothing.
   */
  void closeSession(SessionClosing closing);

  /**
   * A system end that wants no survey (an auto-close), in the workflow task that decided it: {@link
   * #closeSession}, then the ticket's settlement ({@link TicketActivities#settle}). Both parts are
   * idempotent, so a repeat changes nothing and answers the first settlement's outcome.
   */
  SettleOutcome closeAndSettle(SessionClosing closing, Settlement settlement);
}
