package dev.sessionflow.worker.sessions;

import dev.sessionflow.activities.csat.Survey;
import dev.sessionflow.activities.sessions.SessionRecord;
import dev.sessionflow.workflows.model.CsatStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A session as the API shows it.
 *
 * @param channel the channel its first message came through ({@code web} by default), whose
 *     settings it runs with
 * @param warningAt when the inactivity warning goes out; null when none is due
 * @param autoCloseAt when the session auto-closes; null while none is due (the end user wrote last,
 *     auto-close is off, or the session ended)
 */
public record SessionResponse(
    String sessionId,
    String conversationId,
    String ticketId,
    String status,
    String assignedAgentId,
    String endedBy,
    String endedByAgentId,
    String endReason,
    String endedVia,
    Instant endedAt,
    Instant openedAt,
    Csat csat,
    String endUserId,
    String channel,
    Instant warningAt,
    Instant autoCloseAt) {

  /** The session's survey: its status and, once answered, the rating. */
  public record Csat(String status, Integer rating) {}

  /**
   * The view of a stored session and its survey (if one was sent), as of {@code now} (a survey
   * expires).
   */
  static SessionResponse of(
      SessionRecord s, Optional<Survey> survey, Instant now, SessionDeadlines.Due due) {
    return new SessionResponse(
        s.sessionId(),
        s.conversationId(),
        s.ticketId(),
        s.status(),
        s.assignedAgentId(),
        s.endedBy(),
        s.endedByAgentId(),
        s.endReason(),
        s.endedVia(),
        s.endedAt(),
        s.openedAt(),
        csat(s, survey, now),
        s.endUserId(),
        s.channel(),
        due.warningAt(),
        due.autoCloseAt());
  }

  private static Csat csat(SessionRecord s, Optional<Survey> survey, Instant now) {
    if (survey.isPresent()) {
      return new Csat(survey.get().status(now).name(), survey.get().rating());
    }
    boolean skipped = s.ended() && Boolean.FALSE.equals(s.csatWanted());
    return new Csat((skipped ? CsatStatus.SKIPPED : CsatStatus.NOT_SENT).name(), null);
  }
}
