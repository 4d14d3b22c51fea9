package dev.sessionflow.workflows.erasure;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The service's side of an erasure; each is idempotent. */
@ActivityInterface
public interface ErasureActivities {
  /** The end user's sessions that have not ended. */
  List<String> openSessions(String endUserId);

  /**
   * Ends the session as an admin would, reason {@code ERASED}, no survey; already ended is done.
   */
  void endErased(String sessionId);

  /** Erases the end user's personal data from the store and audits it; a repeat changes nothing. */
  Erased eraseStored(Erasure erasure);

  /**
   * Closes the workflows of the end user's sessions that have nothing left to do (ended and
   * settled, waiting out a reopen window the erasure closed), so none is left to read its shredded
   * history.
   *
   * @return the sessions whose workflows still have work (settling): the erasure waits for them
   */
  List<String> retireSessions(String endUserId);

  /**
   * Destroys the data keys of the end user's sessions; a repeat destroys nothing more.
   *
   * @return how many keys went
   */
  int destroyDataKeys(Erasure erasure);
}
