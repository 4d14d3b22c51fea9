package dev.sessionflow.worker.csat;

import dev.sessionflow.worker.api.PathIds;
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
  private final CsatService csat;

  CsatController(CsatService csat) {
    this.csat = csat;
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
    csat.answer(PathIds.check("surveyToken", surveyToken), body.rating(), body.comment());
    return Map.of("surveyToken", surveyToken, "rating", body.rating());
  }
}
