package dev.sessionflow.activities.csat;

import dev.sessionflow.workflows.model.CsatStatus;
import java.time.Instant;

/** A CSAT survey of one session (its token is not stored: see {@link SurveyTokens}). */
public record Survey(
    String surveyId,
    String sessionId,
    String ticketId,
    Instant sentAt,
    Instant expiresAt,
    int scale,
    Integer rating,
    String comment,
    Instant answeredAt,
    Instant withdrawnAt) {

  public CsatStatus status(Instant now) {
    if (answeredAt != null) {
      return CsatStatus.ANSWERED;
    }
    return withdrawnAt == null && now.isBefore(expiresAt) ? CsatStatus.SENT : CsatStatus.EXPIRED;
  }
}
