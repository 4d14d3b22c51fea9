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

  /**
   * The close as the store decides it ({@code store-decides-end}): the store's end is the session's
   * end. It applies {@link #closeSession} and answers the end it then holds, which may be an
   * earlier one: an end whose workflow task was lost after its close ran (the store ENDED, the
   * Update gone), which the session must adopt rather than decide another. It refuses a system end
   * while it holds messages newer than {@link SessionClosing#seenSequence}, and answers them. With
   * a {@code settlement}, it also settles when the end it holds is this close's decision (who,
   * which agent, why). A repeat answers the same.
   */
  Closed closeAsDecided(SessionClosing closing, Settlement settlement);
}
