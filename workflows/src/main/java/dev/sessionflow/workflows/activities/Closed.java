package dev.sessionflow.workflows.activities;

import dev.sessionflow.workflows.model.SessionEnd;
import java.util.List;

/**
 * What the store did with a close ({@link SessionStoreActivities#closeAsDecided}).
 *
 * @param end the end the store holds: the session adopts it, whoever decided it first. Null when
 *     the store refused a system end
 * @param missed for a refused system end: the end user's and agents' messages the session had not
 *     seen, oldest first
 * @param settled the settlement's outcome when it was asked and the store holds this close's end;
 *     null otherwise
 * @param newerSettings for a system end refused because the store holds newer settings than the
 *     session decided it under: that version; null otherwise
 */
public record Closed(
    SessionEnd end, List<StoredMessage> missed, SettleOutcome settled, Long newerSettings) {

  public Closed(SessionEnd end, List<StoredMessage> missed, SettleOutcome settled) {
    this(end, missed, settled, null);
  }

  public static Closed refused(List<StoredMessage> missed) {
    return new Closed(null, List.copyOf(missed), null);
  }

  public static Closed refusedForSettings(long newerSettings) {
    return new Closed(null, List.of(), null, newerSettings);
  }

  public static Closed as(SessionEnd end, SettleOutcome settled) {
    return new Closed(end, List.of(), settled);
  }

  /** Not named as a getter: Jackson would write it as a field. */
  public boolean refusedTheEnd() {
    return end == null;
  }
}
