package dev.sessionflow.activities.sessions;

import dev.sessionflow.workflows.model.AutomationSource;
import dev.sessionflow.workflows.model.EndedBy;
import dev.sessionflow.workflows.model.SessionEnd;
import java.util.Locale;

/** The end a stored session holds, as the workflow and the API speak of it. */
public final class StoredEnds {
  private StoredEnds() {}

  /** The stored end of an ENDED session. */
  public static SessionEnd of(SessionRecord session) {
    return new SessionEnd(
        EndedBy.valueOf(session.endedBy()),
        session.endedByAgentId(),
        session.endReason(),
        session.endedAt(),
        Boolean.TRUE.equals(session.csatWanted()),
        via(session.endedVia()),
        session.endRequestId());
  }

  /** A label ({@code macro:12}) back as a source; the name is not stored with it. */
  static AutomationSource via(String label) {
    if (label == null) {
      return null;
    }
    int colon = label.indexOf(':');
    String kind = colon < 0 ? label : label.substring(0, colon);
    String id = colon < 0 ? null : label.substring(colon + 1);
    return new AutomationSource(
        AutomationSource.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), id, null);
  }
}
