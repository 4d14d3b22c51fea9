package dev.sessionflow.worker.csat;

import dev.sessionflow.activities.csat.SurveyAnswer;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.ProblemType;
import org.springframework.stereotype.Service;

/** The end user's answer to a CSAT survey: recorded once, before the survey expires. */
@Service
public class CsatService {
  private final SurveyStore surveys;
  private final CsatEvents events;

  public CsatService(SurveyStore surveys, CsatEvents events) {
    this.surveys = surveys;
    this.events = events;
  }

  /** Records the answer once (raising {@code csat.answered}); says how it went. */
  public SurveyAnswer record(String surveyToken, int rating, String comment) {
    SurveyAnswer answer = surveys.answer(surveyToken, rating, comment);
    if (answer == SurveyAnswer.RECORDED) {
      events.csatAnswered(surveyToken, rating);
    }
    return answer;
  }

  public void answer(String surveyToken, int rating, String comment) {
    switch (record(surveyToken, rating, comment)) {
      case RECORDED -> {}
      case NOT_FOUND -> throw ApiException.notFound("Survey");
      case ALREADY_ANSWERED ->
          throw new ApiException(ProblemType.SURVEY_ANSWERED, "This survey was already answered");
      case EXPIRED ->
          throw new ApiException(
              ProblemType.SURVEY_EXPIRED, "This survey can no longer be answered");
      case OUT_OF_SCALE -> throw ApiException.invalid("rating", "is outside this survey's scale");
    }
  }
}
