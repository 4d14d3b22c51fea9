package dev.sessionflow.activities.csat;

/** What became of an answer to a survey. */
public enum SurveyAnswer {
  RECORDED,
  NOT_FOUND,
  ALREADY_ANSWERED,
  EXPIRED,
  OUT_OF_SCALE
}
