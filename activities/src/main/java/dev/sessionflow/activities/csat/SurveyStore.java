package dev.sessionflow.activities.csat;

import dev.sessionflow.activities.metrics.SessionMetrics;
import dev.sessionflow.activities.support.Ids;
import dev.sessionflow.activities.support.Times;
import dev.sessionflow.activities.support.Transactions;
import dev.sessionflow.activities.tickets.TicketStore;
import dev.sessionflow.workflows.activities.SurveyRequest;
import dev.sessionflow.workflows.activities.SystemMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** CSAT surveys: at most one per session; answered once, before it expires. */
@Repository
public class SurveyStore {

  private final JdbcClient jdbc;
  private final Transactions tx;
  private final Transcript conversations;
  private final TicketStore tickets;
  private final Clock clock;
  private final SessionMetrics metrics;
  private final SurveyTokens tokens;
  private final QuestionTranslations texts;

  public SurveyStore(
      JdbcClient jdbc,
      Transactions tx,
      Transcript conversations,
      TicketStore tickets,
      Clock clock,
      SessionMetrics metrics,
      SurveyTokens tokens,
      QuestionTranslations texts) {
    this.texts = texts;
    this.metrics = metrics;
    this.tokens = tokens;
    this.jdbc = jdbc;
    this.tx = tx;
    this.conversations = conversations;
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * Creates the session's survey and posts its invitation in one transaction; if the session has a
   * survey already, answers that one and sends nothing.
   */
  public Survey send(SurveyRequest request) {
    return tx.inTransaction(
        () -> {
          Optional<Survey> existing = forSession(request.sessionId());
          if (existing.isPresent()) {
            return existing.get();
          }
          if (!endedStill(request.sessionId())) {
            return null; // reopened before its survey went out: none is sent
          }
          Instant now = clock.instant();
          String surveyId = Ids.surveyId();
          jdbc.sql(
                  """
                  insert into surveys (survey_id, token_hash, session_id, ticket_id, sent_at,
                    expires_at, scale)
                  values (:id, :hash, :session, :ticket, :now, :expires, :scale)
                  """)
              .param("id", surveyId)
              .param("hash", SurveyTokens.hash(tokens.tokenOf(surveyId)))
              .param("session", request.sessionId())
              .param("ticket", request.ticketId())
              .param("now", Times.db(now))
              .param("expires", Times.db(now.plus(request.expiresAfter())))
              .param("scale", request.scale())
              .update();
          conversations.postSystemMessage(
              new SystemMessage(
                  request.conversationId(),
                  request.sessionId(),
                  request.sessionId() + "-csat",
                  "CSAT_INVITATION",
                  invitation(request)),
              surveyId);
          metrics.csatSent();
          return forSession(request.sessionId()).orElseThrow();
        });
  }

  private boolean endedStill(String sessionId) {
    return jdbc.sql("select status from sessions where session_id = :id for update")
        .param("id", sessionId)
        .query(String.class)
        .optional()
        .map("ENDED"::equals)
        .orElse(true);
  }

  /**
   * The invitation's text: the policy's question, or the admin's translation for the end user's
   * language, which is sent as written with the scale in numbers.
   */
  private String invitation(SurveyRequest request) {
    String translated = texts.csatQuestion(request.conversationId());
    if (translated != null) {
      return translated + " (1-" + request.scale() + ")";
    }
    return request.question()
        + " Rate this conversation from 1 (poor) to "
        + request.scale()
        + " (great).";
  }

  public Optional<Survey> byToken(String token) {
    return jdbc.sql("select * from surveys where token_hash = :hash")
        .param("hash", SurveyTokens.hash(token))
        .query(SurveyStore::map)
        .optional();
  }

  /**
   * The token of a survey, for the end user's link (the channel relays it; no one else may see it);
   * empty for a survey whose link cannot be derived (see {@link SurveyTokens#tokenMatching}).
   */
  public Optional<String> linkToken(String surveyId) {
    return jdbc.sql("select token_hash from surveys where survey_id = :id")
        .param("id", surveyId)
        .query(String.class)
        .optional()
        .flatMap(hash -> tokens.tokenMatching(surveyId, hash));
  }

  /** The question the survey's invitation asked, as it went out, for the survey's own page. */
  public Optional<String> invitationText(String sessionId) {
    return jdbc.sql(
            """
            select text from messages where session_id = :session and kind = 'CSAT_INVITATION'
            order by seq limit 1
            """)
        .param("session", sessionId)
        .query(String.class)
        .optional();
  }

  public Optional<Survey> forSession(String sessionId) {
    return jdbc.sql("select * from surveys where session_id = :session")
        .param("session", sessionId)
        .query(SurveyStore::map)
        .optional();
  }

  /** Records a rating (1-5) once; the ticket gets the rating too. */
  public SurveyAnswer answer(String token, int rating, String comment) {
    return tx.inTransaction(
        () -> {
          Optional<Survey> found =
              jdbc.sql("select * from surveys where token_hash = :hash for update")
                  .param("hash", SurveyTokens.hash(token))
                  .query(SurveyStore::map)
                  .optional();
          if (found.isEmpty()) {
            return SurveyAnswer.NOT_FOUND;
          }
          Survey survey = found.get();
          if (rating < 1 || rating > survey.scale()) {
            return SurveyAnswer.OUT_OF_SCALE;
          }
          Instant now = clock.instant();
          switch (survey.status(now)) {
            case ANSWERED -> {
              return SurveyAnswer.ALREADY_ANSWERED;
            }
            case EXPIRED -> {
              return SurveyAnswer.EXPIRED;
            }
            default -> {}
          }
          jdbc.sql(
                  """
                  update surveys set rating = :rating, comment = :comment, answered_at = :now
                  where survey_id = :id
                  """)
              .param("rating", rating)
              .param("comment", comment)
              .param("now", Times.db(now))
              .param("id", survey.surveyId())
              .update();
          tickets.recordCsatRating(survey.ticketId(), survey.sessionId(), rating);
          metrics.csatAnswered(rating);
          return SurveyAnswer.RECORDED;
        });
  }

  /** A survey from a row holding the surveys columns (alone or joined). */
  public static Survey map(ResultSet rs, int row) throws SQLException {
    return new Survey(
        rs.getString("survey_id"),
        rs.getString("session_id"),
        rs.getString("ticket_id"),
        Times.instant(rs, "sent_at"),
        Times.instant(rs, "expires_at"),
        rs.getInt("scale"),
        rs.getObject("rating", Integer.class),
        rs.getString("comment"),
        Times.instant(rs, "answered_at"),
        Times.instant(rs, "withdrawn_at"));
  }
}
