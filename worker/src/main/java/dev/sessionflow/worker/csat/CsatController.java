package dev.sessionflow.worker.csat;

import dev.sessionflow.activities.csat.SurveyAnswer;
import dev.sessionflow.activities.csat.SurveyStore;
import dev.sessionflow.worker.api.ApiException;
import dev.sessionflow.worker.api.PathIds;
import dev.sessionflow.worker.api.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/csat")
class CsatController {
  private final SurveyStore surveys;
  private final CsatEvents events;

  CsatController(SurveyStore surveys, CsatEvents events) {
    this.surveys = surveys;
    this.events = events;
  }

  @Operation(
      summary = "Answer a CSAT survey (no auth: the survey token is the credential)",
      description = "Once per survey, before it expires.")
  @ApiResponse(responseCode = "200", description = "Recorded")
  @ApiResponse(responseCode = "409", description = "Already answered (survey-answered)")
  @ApiResponse(responseCode = "410", description = "Expired (survey-expired)")
  @PostMapping("/{surveyToken}")
  Map<String, Object> answer(
      @PathVariable String surveyToken, @Valid @RequestBody CsatAnswerRequest body) {
    SurveyAnswer answer =
        surveys.answer(PathIds.check("surveyToken", surveyToken), body.rating(), body.comment());
    return switch (answer) {
      case RECORDED -> {
        events.csatAnswered(surveyToken, body.rating());
        yield Map.of("surveyToken", surveyToken, "rating", body.rating());
      }
      case NOT_FOUND -> throw ApiException.notFound("Survey");
      case ALREADY_ANSWERED ->
          throw new ApiException(ProblemType.SURVEY_ANSWERED, "This survey was already answered");
      case EXPIRED ->
          throw new ApiException(
              ProblemType.SURVEY_EXPIRED, "This survey can no longer be answered");
      case OUT_OF_SCALE -> throw ApiException.invalid("rating", "is outside this survey's scale");
    };
  }
}
