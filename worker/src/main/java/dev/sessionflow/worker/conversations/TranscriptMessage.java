package dev.sessionflow.worker.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One message of a transcript; SYSTEM messages carry their kind (and a survey token). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranscriptMessage(
    String messageId,
    String sessionId,
    String author,
    String agentId,
    String kind,
    String text,
    String surveyToken,
    Instant at) {}
