package dev.sessionflow.worker.csat;

import dev.sessionflow.activities.support.Limits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The end user's answer to a survey: a rating within the survey's scale (1-5 by default). */
public record CsatAnswerRequest(
    @NotNull @Min(1) @Max(10) Integer rating, @Size(max = Limits.CSAT_COMMENT) String comment) {}
